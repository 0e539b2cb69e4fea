import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../src/cli/progress';
import { splitJsonArray } from '../src/json-stream';
import { KeySet } from '../src/key-set';
import { prepareForTarget } from '../src/prepare';
import { RateLimiter } from '../src/rate-limit';
import { normalizePath } from '../src/report';

async function* chunked(text: string, sizes: number[]): AsyncGenerator<string> {
  let at = 0;
  let i = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[i++ % sizes.length] ?? 1);
    yield text.slice(at, at + size);
    at += size;
  }
}

async function elements(text: string, sizes: number[]) {
  const out: Array<{ value: unknown; line: number }> = [];
  for await (const r of splitJsonArray(chunked(text, sizes), 'f.json'))
    out.push({ value: JSON.parse(r.text), line: r.line });
  return out;
}

describe('splitJsonArray', () => {
  it('yields the elements of any JSON array, however the file is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (values, sizes, pretty) => {
          const text = pretty ? JSON.stringify(values, null, 2) : JSON.stringify(values);
          const got = await elements(text, sizes);
          expect(got.map((g) => g.value)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports the line where each element starts, and a truncated array', async () => {
    const got = await elements('[\n  {"a": "x\\"]"},\n  {"b": [1,\n 2]},\n  {"c": 3}\n]\n', [5]);
    expect(got.map((g) => g.line)).toEqual([2, 3, 5]);
    await expect(elements('[{"a":1},{"b"', [4])).rejects.toThrow(/f\.json:1: the JSON array is not closed/);
    await expect(elements('[{"a":1}] x', [4])).rejects.toThrow(/unexpected content/);
  });
});

describe('normalizePath', () => {
  it('folds array indices so one row counts one field', () => {
    expect(normalizePath('lines[12].tax.amount')).toBe('lines[].tax.amount');
    expect(normalizePath('lines[0].charges[3].tiers[1]')).toBe('lines[].charges[].tiers[]');
  });
});

describe('prepareForTarget', () => {
  it('keeps the source ids as external ids and takes target ids from the maps', () => {
    const out = prepareForTarget(
      {
        id: 'inv_src',
        provider: 'flowglad',
        providerStatus: 'open',
        createdAt: '2026-01-01T00:00:00.000Z',
        currency: 'USD',
        customer: { id: 'cus_src', email: 'a@example.com' },
        subscription: { id: 'sub_src' },
        lines: [
          { quantity: 1, unitAmount: 1, product: { id: 'p_src', name: 'Plan' } },
          { quantity: 1, unitAmount: 2 },
        ],
      },
      { customers: { cus_src: 'cus_tgt' }, products: {} },
    );
    expect(out).toEqual({
      externalId: 'inv_src',
      currency: 'USD',
      customer: { id: 'cus_tgt', externalId: 'cus_src', email: 'a@example.com' },
      subscription: { externalId: 'sub_src' },
      lines: [
        { quantity: 1, unitAmount: 1, product: { externalId: 'p_src', name: 'Plan' } },
        { quantity: 1, unitAmount: 2 },
      ],
    });
  });

  it('never overwrites an external id the document already has', () => {
    const out = prepareForTarget(
      { id: 'x', externalId: 'keep', currency: 'USD', customer: { id: 'c', externalId: 'ck' }, lines: [] },
      { customers: { ck: 'mapped' } },
    );
    expect(out).toMatchObject({ externalId: 'keep', customer: { id: 'mapped', externalId: 'ck' } });
  });
});

describe('RateLimiter', () => {
  function clock() {
    let now = 0;
    const sleep = async (ms: number) => {
      now += ms;
    };
    return { now: () => now, sleep, at: () => now };
  }

  it('spaces requests to the configured rate after a one-second burst', async () => {
    const c = clock();
    const limiter = new RateLimiter({ rps: 10, now: c.now, sleep: c.sleep });
    for (let i = 0; i < 30; i++) await limiter.take();
    // 10 in the initial burst, then 20 more at 10/s
    expect(c.at()).toBeGreaterThanOrEqual(2000);
    expect(c.at()).toBeLessThan(2200);
  });

  it('tryTake() then take() when refused sends at the very times take() alone does (property)', async () => {
    type Step =
      | { kind: 'send' }
      | { kind: 'wait'; ms: number }
      | { kind: '429'; ms?: number }
      | { kind: 'ok' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constant({ kind: 'send' as const }),
      fc.constant({ kind: 'ok' as const }),
      fc.integer({ min: 0, max: 3000 }).map((ms) => ({ kind: 'wait' as const, ms })),
      fc
        .option(fc.integer({ min: 0, max: 2000 }), { nil: undefined })
        .map((ms) => ({ kind: '429' as const, ms })),
    );
    const sendTimes = async (rps: number | undefined, steps: Step[], fast: boolean) => {
      const c = clock();
      const limiter = new RateLimiter({ ...(rps === undefined ? {} : { rps }), now: c.now, sleep: c.sleep });
      const times: number[] = [];
      for (const s of steps) {
        if (s.kind === 'wait') await c.sleep(s.ms);
        else if (s.kind === 'ok') limiter.succeeded();
        else if (s.kind === '429') limiter.rateLimited(s.ms);
        else {
          if (!fast || !limiter.tryTake()) await limiter.take();
          times.push(c.at());
        }
      }
      return times;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.constantFrom(0.5, 1, 3, 10, 100), { nil: undefined }),
        fc.array(step, { maxLength: 40 }),
        async (rps, steps) => {
          expect(await sendTimes(rps, steps, true)).toEqual(await sendTimes(rps, steps, false));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a 429 pauses everyone for Retry-After and halves the rate, which recovers on success', async () => {
    const c = clock();
    const limiter = new RateLimiter({ rps: 8, now: c.now, sleep: c.sleep });
    expect(limiter.rateLimited(1500)).toBe(1500);
    await limiter.take();
    expect(c.at()).toBeGreaterThanOrEqual(1500);
    expect(limiter.currentRate).toBe(4);
    for (let i = 0; i < 100; i++) limiter.succeeded();
    expect(limiter.currentRate).toBe(8);
    // without Retry-After: exponential
    const unlimited = new RateLimiter({ now: c.now, sleep: c.sleep });
    expect([unlimited.rateLimited(), unlimited.rateLimited(), unlimited.rateLimited()]).toEqual([
      250, 500, 1000,
    ]);
  });
});

describe('ProgressReporter', () => {
  it('draws a bar with rate and ETA on a terminal, plain lines otherwise', () => {
    let now = 0;
    const tty: string[] = [];
    const bar = new ProgressReporter(
      { isTTY: true, columns: 120, write: (t) => tty.push(t) },
      5000,
      () => now,
    );
    now = 2000;
    bar.update({ processed: 500, total: 1000, created: 490, skipped: 0, failed: 10, ambiguous: 0 });
    expect(tty[0]?.startsWith('\r\u001b[2K[')).toBe(true);
    expect(tty[0]).toMatch(/\[#+-+\] {2}50% 500\/1,000 {2}250\/s {2}ETA 2s/);
    const plain: string[] = [];
    const lines = new ProgressReporter({ isTTY: false, write: (t) => plain.push(t) }, 5000, () => now);
    now = 10_000;
    lines.update({ processed: 100, created: 100, skipped: 0, failed: 0, ambiguous: 0 });
    lines.update({ processed: 101, created: 101, skipped: 0, failed: 0, ambiguous: 0 });
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(/^progress: 100 documents {2}\d+\/s {2}created 100/);
  });
});

describe('KeySet (the engine memory of every source key)', () => {
  it('answers exactly like a Set<string>, whatever the keys (unicode, empty, long, many)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('a', 'ab', '')), {
          maxLength: 3000,
        }),
        (keys) => {
          const set = new KeySet();
          const reference = new Set<string>();
          for (const key of keys) {
            expect(set.has(key)).toBe(reference.has(key));
            expect(set.add(key)).toBe(!reference.has(key));
            reference.add(key);
          }
          expect(set.size).toBe(reference.size);
          for (const key of reference) expect(set.has(key)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('holds 200,000 keys of one shape apart', () => {
    const set = new KeySet();
    let added = 0;
    for (let i = 0; i < 200_000; i++) if (set.add(`inv-${i}`)) added++;
    expect(added).toBe(200_000);
    expect(set.add('inv-123456')).toBe(false);
    expect(set.has('inv-200000')).toBe(false);
    expect(set.size).toBe(200_000);
    // Length-prefixed bytes, a table of offsets and 1-byte tags, with room to grow: ~33 bytes per key here
    // (a table of 32-bit hashes and an array of key starts took 35).
    expect(set.bytesHeld / set.size).toBeLessThan(34);
  });
});
