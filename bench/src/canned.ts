/**
 * The sink's canned answers, taken from the providers' own fakes: each fake is started in this process,
 * sent the create the adapter builds (and, for Flowglad, asked for the invoice back), and its answer
 * text kept. So the sink answers with bodies each client and SDK accepts as the provider's.
 */
import { chargeoverFake } from '@billbridge/chargeover/testing';
import { flowgladFake } from '@billbridge/flowglad/testing';
import { paidFake } from '@billbridge/paid/testing';
import { pelcroFake } from '@billbridge/pelcro/testing';
import { type FakeDefinition, startFake } from '@billbridge/testing';
import { whopFake } from '@billbridge/whop/testing';
import { request } from 'undici';
import { ADAPTERS } from './adapters';
import { ADAPTER_OPTIONS, invoiceFor, PROVIDERS, type Provider } from './docs';
import { baseUrlFor, createCall } from './wire';

export interface Answer {
  status: number;
  text: string;
}

export interface Canned {
  /** Create answer (status and text) per provider. */
  create: Record<Provider, Answer>;
  /** Flowglad: the created invoice read back (GET /api/v1/invoices/:id), and its id. */
  flowgladGet: string;
  flowgladId: string;
  /** ChargeOver: the account's currency table (GET /api/v3/currency), which its client reads once. */
  chargeoverCurrencies: string;
}

const FAKES: Record<Provider, FakeDefinition<never, never>> = {
  paid: paidFake as unknown as FakeDefinition<never, never>,
  flowglad: flowgladFake as unknown as FakeDefinition<never, never>,
  whop: whopFake as unknown as FakeDefinition<never, never>,
  chargeover: chargeoverFake as unknown as FakeDefinition<never, never>,
  pelcro: pelcroFake as unknown as FakeDefinition<never, never>,
};

async function send(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: unknown) {
  const res = await request(url, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.body.text();
  if (res.statusCode >= 300)
    throw new Error(`${method} ${url} answered ${res.statusCode}: ${text.slice(0, 300)}`);
  return { status: res.statusCode, text };
}

export async function captureCanned(): Promise<Canned> {
  const create = {} as Record<Provider, Answer>;
  let flowgladGet = '';
  let flowgladId = '';
  let chargeoverCurrencies = '';
  for (const provider of PROVIDERS) {
    const fake = await startFake(FAKES[provider]);
    try {
      const { request: req } = ADAPTERS[provider].toCreateRequest(
        invoiceFor(provider, 1),
        ADAPTER_OPTIONS[provider],
      );
      const call = createCall(provider, req);
      const base = baseUrlFor(provider, fake.url);
      create[provider] = await send(`${base}${call.path}`, 'POST', call.headers, call.body);
      if (provider === 'flowglad') {
        flowgladId = (JSON.parse(create[provider].text) as { invoice: { id: string } }).invoice.id;
        flowgladGet = (await send(`${base}/api/v1/invoices/${flowgladId}`, 'GET', call.headers)).text;
      }
      if (provider === 'chargeover')
        chargeoverCurrencies = (await send(`${base}/api/v3/currency`, 'GET', call.headers)).text;
    } finally {
      await fake.close();
    }
  }
  return { create, flowgladGet, flowgladId, chargeoverCurrencies };
}
