import {
  AmbiguousResultError,
  BillbridgeError,
  createTransport,
  errorFromStatus,
  type TransportEvent,
  type TransportResponse,
} from '@billbridge/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type FakeDefinition, type FaultKind, startFake } from '../src';
import { findLeaks } from '../src/conformance/leaks';

// The "must show": 1,000 creates through core's transport against a fake injecting 20 % faults
// (429, 503, dropped connections, created-then-failed). Every invoice ends created exactly once, or
// reported ambiguous (and then stored at most once); none is lost; the API key is in no error.

const API_KEY = 'sk_live_reliability_7c1f0e93b2';
const TOTAL = 1000;
const CONCURRENCY = 32;
const FAULTS: FaultKind[] = ['rate_limit', 'unavailable', 'drop', 'created_then_failed'];

interface Store {
  records: Array<{ id: string; externalId: string; amount: number }>;
  byExternalId: Map<string, { id: string; externalId: string; amount: number }>;
}

/** An invoices API; with `dedupe`, a repeated externalId returns the stored record (a natural key). */
function invoicesFake(dedupe: boolean): FakeDefinition<Store> {
  return {
    provider: 'paid',
    createState: () => ({ records: [], byExternalId: new Map() }),
    authenticate: (req) =>
      req.headers.authorization === `Bearer ${API_KEY}` ? undefined : { status: 401, text: 'Unauthorized' },
    routes: [
      {
        method: 'POST',
        path: '/v1/invoices',
        creates: true,
        handle(req, state) {
          const { externalId, amount } = req.body as { externalId: string; amount: number };
          const existing = state.byExternalId.get(externalId);
          if (existing && dedupe) return { status: 200, body: existing };
          const record = { id: `inv_${state.records.length + 1}`, externalId, amount };
          state.records.push(record);
          state.byExternalId.set(externalId, record);
          return { status: 201, body: record };
        },
      },
    ],
    records: (state) => state.records,
    // A careless provider that echoes the credential in its error bodies: redaction must still hold.
    errorResponse: (status, message) => ({
      status,
      body: { error: { message: `${message} [auth ${API_KEY}]` } },
    }),
  };
}

function mapError(response: TransportResponse) {
  const body = response.body as { error?: { message?: string } } | string | undefined;
  return errorFromStatus({
    provider: 'paid',
    status: response.status,
    message: typeof body === 'string' ? body : (body?.error?.message ?? `HTTP ${response.status}`),
    raw: response.body,
  });
}

type Outcome =
  | { kind: 'created'; id: string }
  | { kind: 'ambiguous'; error: AmbiguousResultError }
  | { kind: 'failed'; error: unknown };

const allErrors: unknown[] = [];
const allEvents: TransportEvent[] = [];

async function runCreates(dedupe: boolean, seed: number) {
  const fake = await startFake(invoicesFake(dedupe), {
    faults: { rate: 0.2, kinds: FAULTS, seed, retryAfterSeconds: 1 },
  });
  const transport = createTransport({
    provider: 'paid',
    baseUrl: fake.url,
    headers: { authorization: `Bearer ${API_KEY}` },
    secrets: [API_KEY],
    maxRetries: 12,
    retryBaseMs: 1,
    retryCapMs: 4,
    maxRetryAfterMs: 2, // the fault asks for 1 s; the cap keeps the run fast
    timeoutMs: 5_000,
    mapError,
    onEvent: (event) => allEvents.push(event),
  });
  const outcomes = new Map<string, Outcome>();
  const externalIds = Array.from({ length: TOTAL }, (_, i) => `ext-${seed}-${i}`);
  let next = 0;
  async function worker() {
    while (next < externalIds.length) {
      const externalId = externalIds[next++]!;
      try {
        const res = await transport.request({
          method: 'POST',
          path: '/v1/invoices',
          body: { externalId, amount: 1000 + (next % 97) },
          operation: 'create',
          deduplicated: dedupe,
          externalId,
        });
        outcomes.set(externalId, { kind: 'created', id: (res.body as { id: string }).id });
      } catch (error) {
        allErrors.push(error);
        outcomes.set(
          externalId,
          AmbiguousResultError.isInstance(error) ? { kind: 'ambiguous', error } : { kind: 'failed', error },
        );
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { externalIds, outcomes, records: [...fake.state.records], injected: [...fake.faults.injected] };
  } finally {
    await fake.close();
  }
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}

describe('1,000 creates against 20 % injected faults', () => {
  afterAll(() => {
    expect(findLeaks(allErrors, [API_KEY])).toEqual([]);
    expect(JSON.stringify(allEvents)).not.toContain(API_KEY);
  });

  it('without deduplication: each invoice is created exactly once or reported ambiguous; none lost', async () => {
    const { externalIds, outcomes, records, injected } = await runCreates(false, 2026);
    const stored = countBy(records, (r) => r.externalId);
    const injectedKinds = countBy(injected, (f) => f.kind);
    for (const kind of FAULTS) expect(injectedKinds.get(kind) ?? 0).toBeGreaterThan(20);

    expect(outcomes.size).toBe(TOTAL);
    let created = 0;
    let ambiguous = 0;
    for (const externalId of externalIds) {
      const outcome = outcomes.get(externalId)!;
      const copies = stored.get(externalId) ?? 0;
      expect(copies, `${externalId} stored ${copies} times`).toBeLessThanOrEqual(1);
      if (outcome.kind === 'created') {
        created++;
        expect(copies).toBe(1);
        expect(records.find((r) => r.externalId === externalId)!.id).toBe(outcome.id);
      } else {
        // The only failure allowed is "ambiguous", carrying what is needed to reconcile.
        expect(outcome.kind, String((outcome as { error: unknown }).error)).toBe('ambiguous');
        ambiguous++;
        const error = (outcome as { error: AmbiguousResultError }).error;
        expect(error.externalId).toBe(externalId);
        expect(error.request.method).toBe('POST');
        expect(error.request.body).toMatchObject({ externalId });
      }
    }
    // Every stored record belongs to an invoice we sent; the ambiguous ones split into stored and not.
    expect(records.every((r) => outcomes.has(r.externalId))).toBe(true);
    const ambiguousStored = externalIds.filter(
      (id) => outcomes.get(id)!.kind === 'ambiguous' && stored.has(id),
    );
    expect(records.length).toBe(created + ambiguousStored.length);
    // created_then_failed stores the record; drop and 503 do not: both kinds of ambiguity occur.
    expect(ambiguousStored.length).toBeGreaterThan(0);
    expect(ambiguous - ambiguousStored.length).toBeGreaterThan(0);
    expect(created + ambiguous).toBe(TOTAL);
    // 429s were retried (a create refused with 429 never ran), so about 85 % were created.
    expect(created).toBeGreaterThan(TOTAL * 0.75);
  });

  it('with natural-key deduplication: retries are safe and every invoice is created exactly once', async () => {
    const { externalIds, outcomes, records, injected } = await runCreates(true, 7);
    expect(injected.length).toBeGreaterThan(TOTAL * 0.15);
    const stored = countBy(records, (r) => r.externalId);
    for (const externalId of externalIds) {
      const outcome = outcomes.get(externalId)!;
      expect(outcome.kind, `${externalId}: ${String((outcome as { error?: unknown }).error)}`).toBe(
        'created',
      );
      expect(stored.get(externalId)).toBe(1);
    }
    expect(records).toHaveLength(TOTAL);
  });

  it('every error seen is a billbridge error', () => {
    expect(allErrors.length).toBeGreaterThan(0);
    for (const error of allErrors) expect(BillbridgeError.isInstance(error), String(error)).toBe(true);
  });
});
