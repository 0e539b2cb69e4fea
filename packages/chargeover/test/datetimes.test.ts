import { instantToNaive } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToOffsetDateTime } from '../src/datetimes';
import { fetchInOrder } from '../src/in-order';
import { wireDateTimeToInstant } from '../src/index';

const zones = fc.constantFrom('America/Chicago', 'UTC', 'Asia/Kolkata', 'Europe/Berlin', 'Pacific/Chatham');
// Whole seconds: ChargeOver's date-times carry no fraction.
const instants = fc
  .integer({ min: Date.parse('1990-01-01T00:00:00Z') / 1000, max: Date.parse('2060-01-01T00:00:00Z') / 1000 })
  .map((s) => new Date(s * 1000).toISOString());

describe('ChargeOver date-times', () => {
  it('an instant written with its offset reads back exactly, in any account zone', () => {
    fc.assert(
      fc.property(instants, zones, zones, (instant, accountZone, readZone) => {
        // The offset form does not depend on the zone it is read in.
        expect(wireDateTimeToInstant(instantToOffsetDateTime(instant, accountZone), readZone)).toBe(instant);
      }),
    );
  });

  it('the naive form reads back in the account zone, except in the repeated fall-back hour', () => {
    fc.assert(
      fc.property(instants, zones, (instant, zone) => {
        const naive = instantToNaive(instant, zone);
        const read = wireDateTimeToInstant(naive, zone);
        // Both readings show the same wall-clock time; only a repeated hour can map to another instant.
        expect(instantToNaive(read, zone)).toBe(naive);
        if (read !== instant)
          expect(Math.abs(Date.parse(read) - Date.parse(instant))).toBeLessThanOrEqual(3_600_000);
      }),
    );
  });

  it('reads the documented example', () => {
    expect(wireDateTimeToInstant('2022-10-25T08:50:45-05:00', 'UTC')).toBe('2022-10-25T13:50:45.000Z');
    expect(wireDateTimeToInstant('2022-10-25 08:50:45', 'America/Chicago')).toBe('2022-10-25T13:50:45.000Z');
  });
});

describe('fetchInOrder (list completes pages with bounded concurrency)', () => {
  it('never has more than the limit in flight, and yields in input order whatever finishes first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 5 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (delays, limit) => {
          let inFlight = 0;
          let peak = 0;
          const out: number[] = [];
          const fetch = async (i: number) => {
            inFlight += 1;
            peak = Math.max(peak, inFlight);
            for (let t = 0; t <= (delays[i] ?? 0); t += 1) await Promise.resolve();
            inFlight -= 1;
            return i;
          };
          for await (const value of fetchInOrder([...delays.keys()], limit, fetch)) out.push(value);
          expect(out).toEqual([...delays.keys()]);
          expect(peak).toBeLessThanOrEqual(limit);
          if (delays.length >= limit) expect(peak).toBe(limit);
        },
      ),
    );
  });

  it('a failure surfaces in order, and the others settle without unhandled rejections', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const v of fetchInOrder([0, 1, 2, 3], 2, async (i) => {
        if (i === 1) throw new Error('boom');
        return i;
      }))
        seen.push(v);
    };
    await expect(run()).rejects.toThrow('boom');
    expect(seen).toEqual([0]);
  });
});
