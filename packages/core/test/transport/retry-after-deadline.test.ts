/**
 * Issue #14 item 6: a Retry-After never makes the transport wait past the caller's deadline (the
 * configured one, or the request's own `deadlineMs`). Injected clock and sleep: no wall-clock asserts.
 */
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BillbridgeError } from '../../src/errors/billbridge-error';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import { baseConfig, fakeTime, json, startServer, type TestServer } from './helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

/** Answers 503 (or 429) with the current `retryAfter` header until `failures` run out, then 200. */
async function throttling() {
  const control = { retryAfter: '1', failures: 0, status: 503 };
  const server = await startServer((_req, res) => {
    if (control.failures-- > 0)
      return json(res, control.status, { message: 'busy' }, { 'retry-after': control.retryAfter });
    json(res, 200, { ok: true });
  });
  servers.push(server);
  return { server, control };
}

const START = 1_700_000_000_000;
const retryAfterText = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }).map(String),
  fc.double({ min: 0, max: 5000, noNaN: true }).map((s) => s.toFixed(3)),
  fc.integer({ min: -60_000, max: 10_000_000 }).map((ms) => new Date(START + ms).toUTCString()),
  fc.constantFrom('9'.repeat(400), '1e400', 'soon', '-5', '', 'Infinity'),
);

describe('Retry-After and the deadline', () => {
  it('no wait ever ends past the deadline, whatever Retry-After says (property)', async () => {
    const { server, control } = await throttling();
    await fc.assert(
      fc.asyncProperty(
        fc.array(retryAfterText, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.boolean(),
        fc.constantFrom(503, 429),
        async (headers, deadlineMs, perRequest, status) => {
          const time = fakeTime(START);
          control.failures = headers.length;
          control.status = status;
          let i = 0;
          const transport = createTransport(
            baseConfig(server.url, {
              now: time.now,
              sleep: async (ms) => {
                await time.sleep(ms);
                control.retryAfter = headers[++i] ?? '1';
              },
              maxRetries: 3,
              ...(perRequest ? {} : { deadlineMs }),
            }),
          );
          control.retryAfter = headers[0]!;
          const outcome = await transport
            .request({ method: 'GET', path: '/x', operation: 'read', ...(perRequest ? { deadlineMs } : {}) })
            .then(
              () => 'ok',
              (error: unknown) => error,
            );
          if (outcome !== 'ok') expect(BillbridgeError.isInstance(outcome), String(outcome)).toBe(true);
          const waited = time.delays.reduce((a, b) => a + b, 0);
          expect(waited).toBeLessThan(deadlineMs);
          for (const delay of time.delays) expect(delay).toBeLessThanOrEqual(60_000);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a request deadline shorter than the Retry-After fails at once instead of waiting', async () => {
    const { server, control } = await throttling();
    control.failures = 1;
    control.retryAfter = '5';
    const time = fakeTime(START);
    const transport = createTransport(baseConfig(server.url, { ...time, deadlineMs: 600_000 }));
    const error = await transport
      .request({ method: 'GET', path: '/x', operation: 'read', deadlineMs: 3_000 })
      .catch((e: unknown) => e);
    expect(BillbridgeError.isInstance(error)).toBe(true);
    expect((error as BillbridgeError).status).toBe(503);
    expect(time.delays).toEqual([]);
    expect(server.received).toHaveLength(1);

    // The same answer with room left: it waits exactly the Retry-After, then succeeds.
    control.failures = 1;
    const time2 = fakeTime(START);
    const roomy = createTransport(baseConfig(server.url, { ...time2 }));
    await roomy.request({ method: 'GET', path: '/x', operation: 'read', deadlineMs: 6_000 });
    expect(time2.delays).toEqual([5_000]);
  });
});
