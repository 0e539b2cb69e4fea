/**
 * Client throughput against the sink (another process), 64 calls in flight. Every case sends the same
 * provider-shaped create body and reads the same canned answer; what differs is what runs around the
 * HTTP call:
 * - billbridge: client.create(canonical invoice) = validate + map + send + parse + map back;
 * - raw undici `request`: JSON.stringify of the already-mapped body, send, JSON-parse the answer;
 * - global `fetch`: the same with fetch;
 * - official SDK: the SDK's create (Paid, Whop) with the already-mapped body; for Flowglad, whose current
 *   SDK has no create, reads are compared instead (client.get vs invoices.retrieve vs raw GETs).
 */
import { createChargeOverClient } from '@billbridge/chargeover';
import { DEFAULT_CURRENCY_IDS } from '@billbridge/chargeover/testing';
import { createFlowgladClient } from '@billbridge/flowglad';
import { createPaidClient } from '@billbridge/paid';
import { createPelcroClient } from '@billbridge/pelcro';
import { PELCRO_FAKE_SITE_ID } from '@billbridge/pelcro/testing';
import { createWhopClient, WHOP_API_VERSION } from '@billbridge/whop';
import { WHOP_FAKE_DEFAULT_COMPANY } from '@billbridge/whop/testing';
import { PaidClient as PaidSdk } from '@paid-ai/paid-node';
import Whop from '@whop/sdk';
import Flowglad from 'flowglad-node-0-29';
import { request } from 'undici';
import { ADAPTERS } from './adapters';
import type { Canned } from './canned';
import { ADAPTER_OPTIONS, invoiceFor, type Provider } from './docs';
import { measureConcurrent } from './measure';
import type { Settings } from './settings';
import { fmtRate, fmtRatio, type Row, type Section } from './table';
import { baseUrlFor, createCall, KEYS } from './wire';

type Call = () => Promise<unknown>;

function expectOk(status: number, what: string): void {
  if (status < 200 || status >= 300) throw new Error(`${what}: sink answered ${status}`);
}

function billbridgeCreate(provider: Provider, origin: string): Call {
  const baseUrl = baseUrlFor(provider, `${origin}/${provider}`);
  const doc = invoiceFor(provider, 1);
  // No retries: a sink that failed should fail the bench, not be hidden by resends.
  const common = { baseUrl, maxRetries: 0 };
  switch (provider) {
    case 'paid': {
      const client = createPaidClient({ ...common, apiKey: KEYS.paid });
      return () => client.create(doc);
    }
    case 'flowglad': {
      const client = createFlowgladClient({ ...common, apiKey: KEYS.flowglad });
      return () => client.create(doc);
    }
    case 'whop': {
      const client = createWhopClient({ ...common, apiKey: KEYS.whop, companyId: WHOP_FAKE_DEFAULT_COMPANY });
      return () => client.create(doc);
    }
    case 'chargeover': {
      const client = createChargeOverClient({
        ...common,
        ...KEYS.chargeover,
        currencyIds: DEFAULT_CURRENCY_IDS,
        // The sink answers every create with one canned id, so a read-back could not be compared.
        verify: 'response',
      });
      return () => client.create(doc);
    }
    case 'pelcro': {
      const client = createPelcroClient({ ...common, apiKey: KEYS.pelcro, siteId: PELCRO_FAKE_SITE_ID });
      return () => client.create(doc);
    }
  }
}

function rawCreate(provider: Provider, origin: string, kind: 'undici' | 'fetch'): Call {
  const { request: mapped } = ADAPTERS[provider].toCreateRequest(
    invoiceFor(provider, 1),
    ADAPTER_OPTIONS[provider],
  );
  const call = createCall(provider, mapped);
  const url = `${baseUrlFor(provider, `${origin}/${provider}`)}${call.path}`;
  if (kind === 'undici') {
    return async () => {
      const res = await request(url, {
        method: 'POST',
        headers: call.headers,
        body: JSON.stringify(call.body),
      });
      const body = await res.body.json();
      expectOk(res.statusCode, 'undici');
      return body;
    };
  }
  return async () => {
    const res = await fetch(url, { method: 'POST', headers: call.headers, body: JSON.stringify(call.body) });
    const body = await res.json();
    expectOk(res.status, 'fetch');
    return body;
  };
}

export function sdkCreate(provider: 'paid' | 'whop', origin: string): Call {
  const { request: mapped } = ADAPTERS[provider].toCreateRequest(
    invoiceFor(provider, 1),
    ADAPTER_OPTIONS[provider],
  );
  const baseUrl = baseUrlFor(provider, `${origin}/${provider}`);
  if (provider === 'paid') {
    const sdk = new PaidSdk({ token: KEYS.paid, baseUrl, maxRetries: 0 });
    const body = mapped as Parameters<typeof sdk.orders.createOrder>[0];
    return () => sdk.orders.createOrder(body);
  }
  const sdk = new Whop({ apiKey: KEYS.whop, baseURL: baseUrl, version: WHOP_API_VERSION, maxRetries: 0 });
  const body = mapped as Parameters<typeof sdk.invoices.create>[0];
  return () => sdk.invoices.create(body);
}

function flowgladReads(origin: string, id: string): Record<string, Call> {
  const baseUrl = `${origin}/flowglad`;
  const url = `${baseUrl}/api/v1/invoices/${id}`;
  const headers = { authorization: KEYS.flowglad, accept: 'application/json' };
  const client = createFlowgladClient({ apiKey: KEYS.flowglad, baseUrl, maxRetries: 0 });
  const sdk = new Flowglad({ apiKey: KEYS.flowglad, baseURL: baseUrl, maxRetries: 0 });
  return {
    billbridge: () => client.get(id),
    undici: async () => {
      const res = await request(url, { headers });
      const body = await res.body.json();
      expectOk(res.statusCode, 'undici');
      return body;
    },
    fetch: async () => {
      const res = await fetch(url, { headers });
      const body = await res.json();
      expectOk(res.status, 'fetch');
      return body;
    },
    sdk: () => sdk.invoices.retrieve(id),
  };
}

interface Group {
  label: string;
  cases: Record<string, Call>;
}

export async function clientBench(settings: Settings, origin: string, canned: Canned): Promise<Section[]> {
  const groups: Group[] = settings.providers.map((provider) => ({
    label: `${provider} create`,
    cases: {
      billbridge: billbridgeCreate(provider, origin),
      undici: rawCreate(provider, origin, 'undici'),
      fetch: rawCreate(provider, origin, 'fetch'),
      ...(provider === 'paid' || provider === 'whop' ? { sdk: sdkCreate(provider, origin) } : {}),
    },
  }));
  if (settings.providers.includes('flowglad'))
    groups.push({ label: 'flowglad get (reads)', cases: flowgladReads(origin, canned.flowgladId) });

  // Rounds interleave the cases, so a burst of load from elsewhere does not land on one case only.
  const best = new Map<string, number>();
  const errors = new Map<string, string>();
  for (let round = 0; round < settings.clientRounds; round++) {
    for (const group of groups) {
      for (const [name, call] of Object.entries(group.cases)) {
        const key = `${group.label}/${name}`;
        if (errors.has(key)) continue;
        try {
          const rate = await measureConcurrent(
            call,
            settings.concurrency,
            settings.clientSeconds,
            settings.clientWarmup,
          );
          best.set(key, Math.max(best.get(key) ?? 0, rate.perSecond));
        } catch (error) {
          errors.set(key, error instanceof Error ? error.message : String(error));
        }
      }
    }
  }

  const rows: Row[] = [];
  const cell = (key: string) => (errors.has(key) ? `ERROR: ${errors.get(key)}` : fmtRate(best.get(key) ?? 0));
  for (const group of groups) {
    const ours = best.get(`${group.label}/billbridge`) ?? 0;
    const undici = best.get(`${group.label}/undici`) ?? 0;
    const sdk = best.get(`${group.label}/sdk`);
    const vsUndici = ours / undici;
    rows.push({
      cells: [
        group.label,
        cell(`${group.label}/billbridge`),
        cell(`${group.label}/undici`),
        cell(`${group.label}/fetch`),
        group.cases.sdk ? cell(`${group.label}/sdk`) : '—',
        `vs undici ${fmtRatio(vsUndici)}`,
      ],
      pass: vsUndici >= 0.8,
    });
    if (sdk !== undefined) {
      const vsSdk = ours / sdk;
      rows.push({ cells: ['', '', '', '', '', `vs SDK ${fmtRatio(vsSdk)} (≥ 4×)`], pass: vsSdk >= 4 });
    }
  }
  return [
    {
      title: `Clients: calls/s against the sink process, ${settings.concurrency} in flight (best of ${settings.clientRounds} × ${settings.clientSeconds} s)`,
      header: ['case', 'billbridge', 'raw undici', 'fetch', 'official SDK', 'ratio'],
      rows,
      notes: [
        'Targets: billbridge ≥ 0.80× raw undici; ≥ 4× the official SDK. SDKs: @paid-ai/paid-node 1.7.1 (orders.createOrder), @whop/sdk 0.0.42 (invoices.create), @flowglad/node 0.29.0 (invoices.retrieve; it has no create).',
      ],
    },
  ];
}

export function clientErrors(sections: Section[]): number {
  return sections.flatMap((s) => s.rows).filter((r) => r.cells.some((c) => c.startsWith('ERROR'))).length;
}

/** One create call of a kind, for the focused profile script. */
export function clientCall(
  provider: Provider,
  origin: string,
  kind: 'billbridge' | 'undici' | 'fetch',
): Call {
  return kind === 'billbridge' ? billbridgeCreate(provider, origin) : rawCreate(provider, origin, kind);
}
