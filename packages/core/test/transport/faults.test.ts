import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AmbiguousResultError, ConnectionError, RateLimitError } from '../../src/errors/provider-errors';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { baseConfig, json, startServer, type TestServer } from './helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

type Fault = 'rate_limit' | 'server_error' | 'created_then_failed' | 'drop' | 'created_then_drop';
const FAULTS: Fault[] = ['rate_limit', 'server_error', 'created_then_failed', 'drop', 'created_then_drop'];

/**
 * A provider storing invoices by `number`. With `dedupe`, a repeated number returns the stored record
 * (a natural key); without, every accepted request creates a record. `rate` of requests hit a fault.
 */
async function faultyProvider(seed: number, rate: number, dedupe: boolean) {
  const stored = new Map<string, number>();
  let state = seed;
  const random = () => {
    // xorshift: deterministic fault placement for a given seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const store = (number: string) => {
    if (dedupe && stored.has(number)) return;
    stored.set(number, (stored.get(number) ?? 0) + 1);
  };
  const server = await startServer((req, res) => {
    const { number } = JSON.parse(req.text) as { number: string };
    const fault = random() < rate ? FAULTS[Math.floor(random() * FAULTS.length)] : undefined;
    switch (fault) {
      case 'rate_limit':
        return json(res, 429, { message: 'slow down' }, { 'retry-after': '1' });
      case 'server_error':
        return json(res, 503, { message: 'unavailable' });
      case 'created_then_failed':
        store(number);
        return json(res, 500, { message: 'oops' });
      case 'drop':
        return void res.socket?.destroy();
      case 'created_then_drop':
        store(number);
        return void res.socket?.destroy();
      default:
        store(number);
        return json(res, 201, { id: `inv_${number}`, number });
    }
  });
  servers.push(server);
  return { server, stored };
}

async function sendAll(url: string, count: number, deduplicated: boolean) {
  const transport = createTransport(
    baseConfig(url, { sleep: async () => {}, maxRetries: 3, timeoutMs: 5_000 }),
  );
  const outcomes = new Map<string, 'created' | 'ambiguous' | 'failed'>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        const number = `INV-${next++}`;
        try {
          await transport.request({
            method: 'POST',
            path: '/invoices',
            operation: 'create',
            body: { number },
            externalId: number,
            deduplicated,
          });
          outcomes.set(number, 'created');
        } catch (error) {
          if (AmbiguousResultError.isInstance(error)) {
            expect(error.externalId).toBe(number);
            outcomes.set(number, 'ambiguous');
          } else {
            // Only failures that prove nothing was stored may end a create without ambiguity.
            expect(
              RateLimitError.isInstance(error) || ConnectionError.isInstance(error) || deduplicated,
            ).toBe(true);
            outcomes.set(number, 'failed');
          }
        }
      }
    }),
  );
  return outcomes;
}

describe('creates under injected faults', () => {
  it('without deduplication: every invoice is created exactly once or reported ambiguous, none twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const { server, stored } = await faultyProvider(seed, 0.2, false);
        const outcomes = await sendAll(server.url, 120, false);
        expect(outcomes.size).toBe(120);
        for (const [number, outcome] of outcomes) {
          const count = stored.get(number) ?? 0;
          expect(count).toBeLessThanOrEqual(1);
          if (outcome === 'created') expect(count).toBe(1);
          if (outcome === 'failed') expect(count).toBe(0);
        }
        const ambiguous = [...outcomes.values()].filter((o) => o === 'ambiguous').length;
        expect(ambiguous).toBeGreaterThan(0);
        await server.close();
      }),
      { numRuns: 3 },
    );
  });

  it('with deduplication: retried through every fault, still never two records for one invoice', async () => {
    const { server, stored } = await faultyProvider(12345, 0.2, true);
    const outcomes = await sendAll(server.url, 300, true);
    for (const [number, outcome] of outcomes) {
      expect(outcome).not.toBe('ambiguous');
      expect(stored.get(number) ?? 0).toBeLessThanOrEqual(1);
      if (outcome === 'created') expect(stored.get(number)).toBe(1);
    }
    const created = [...outcomes.values()].filter((o) => o === 'created').length;
    expect(created).toBeGreaterThan(290);
  });
});
