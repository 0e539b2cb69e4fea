import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_KINDS, type FaultKind, FaultPlan, type RunningFake, startFake } from '../src';
import { AUTH, type TinyState, tinyFake } from './support/tiny-fake';

let fake: RunningFake<TinyState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function create(url: string, externalId: string): Promise<Response> {
  return fetch(`${url}/v1/invoices`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId }),
  });
}

describe('faults observed by a real client', () => {
  it('rate_limit answers 429 with Retry-After and the provider-shaped body, storing nothing', async () => {
    fake = await startFake(tinyFake, { faults: { script: ['rate_limit'], retryAfterSeconds: 7 } });
    const res = await create(fake.url, 'a');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({
      error: { status: 429, message: 'Too many requests (injected fault).' },
    });
    expect(fake.records).toEqual([]);
  });

  it.each([
    ['server_error', 500],
    ['bad_gateway', 502],
    ['unavailable', 503],
  ] as const)('%s answers %i without running the handler', async (kind, status) => {
    fake = await startFake(tinyFake, { faults: { script: [kind] } });
    const res = await create(fake.url, 'a');
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { status } });
    expect(fake.records).toEqual([]);
    // The script is spent: the next request is served normally.
    expect((await create(fake.url, 'b')).status).toBe(201);
    expect(fake.records).toEqual([{ externalId: 'b' }]);
  });

  it('drop closes the connection without an answer and stores nothing', async () => {
    fake = await startFake(tinyFake, { faults: { script: ['drop'] } });
    await expect(create(fake.url, 'a')).rejects.toThrow(TypeError);
    expect(fake.records).toEqual([]);
    expect((await create(fake.url, 'b')).status).toBe(201);
  });

  it('created_then_failed stores the record but answers 500', async () => {
    fake = await startFake(tinyFake, { faults: { script: ['created_then_failed'] } });
    const res = await create(fake.url, 'stored-anyway');
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { status: 500 } });
    expect(fake.records).toEqual([{ externalId: 'stored-anyway' }]);
  });

  it('latency delays a normal answer', async () => {
    fake = await startFake(tinyFake, { faults: { script: ['latency'], latencyMs: 150 } });
    const started = performance.now();
    const res = await create(fake.url, 'slow');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(201);
    expect(fake.records).toHaveLength(1);
  });

  it('a null script entry means no fault, and the script is consumed in order', async () => {
    fake = await startFake(tinyFake, { faults: { script: [null, 'unavailable', null] } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await create(fake.url, `x${i}`)).status);
    expect(statuses).toEqual([201, 503, 201, 201]);
    expect(fake.faults.injected.map((f) => f.kind)).toEqual(['unavailable']);
  });

  it('faults can be set and cleared at runtime', async () => {
    fake = await startFake(tinyFake);
    expect((await create(fake.url, 'a')).status).toBe(201);
    fake.faults.set({ rate: 1, kinds: ['bad_gateway'] });
    expect((await create(fake.url, 'b')).status).toBe(502);
    expect((await create(fake.url, 'c')).status).toBe(502);
    fake.faults.clear();
    expect((await create(fake.url, 'd')).status).toBe(201);
    expect(fake.records).toEqual([{ externalId: 'a' }, { externalId: 'd' }]);
  });

  it('rate faults never pick created_then_failed on a route that does not create', async () => {
    fake = await startFake(tinyFake, { faults: { rate: 1, kinds: ['created_then_failed'] } });
    const res = await fetch(`${fake.url}/v1/text`, { headers: AUTH });
    expect(res.status).toBe(200);
    expect(fake.faults.injected).toEqual([]);
  });

  it('rejects a rate outside 0..1 and unknown kinds', () => {
    expect(() => new FaultPlan({ rate: 1.5 })).toThrow(RangeError);
    expect(() => new FaultPlan({ kinds: ['meteor' as FaultKind] })).toThrow(/Unknown fault kind/);
  });
});

describe('seeded rate faults', () => {
  const draw = (seed: number, n = 500) => {
    const plan = new FaultPlan({ rate: 0.3, seed });
    return Array.from({ length: n }, () => plan.next('POST', '/v1/invoices', true));
  };

  it('reproduce exactly for the same seed, differ for another', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('hit close to the requested rate and use every kind', () => {
    const kinds = draw(7, 4000);
    const hits = kinds.filter((k) => k !== null);
    expect(hits.length / kinds.length).toBeGreaterThan(0.27);
    expect(hits.length / kinds.length).toBeLessThan(0.33);
    expect(new Set(hits)).toEqual(new Set(FAULT_KINDS));
  });

  it('the same seed gives the same statuses over HTTP', async () => {
    const run = async () => {
      const f = await startFake(tinyFake, {
        faults: { rate: 0.5, kinds: ['server_error', 'unavailable', 'rate_limit'], seed: 9 },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await create(f.url, `s${i}`)).status);
        return statuses;
      } finally {
        await f.close();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([201, 500, 503, 429]));
  });
});
