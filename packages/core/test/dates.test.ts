import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRecurrence,
  dateOnlyToInstant,
  epochMsToInstant,
  epochSecondsToInstant,
  instantToDateOnly,
  instantToEpochMs,
  instantToEpochSeconds,
  instantToNaive,
  isInstant,
  naiveToInstant,
  normalizeInstant,
} from '../src/index';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const instantMs = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) });
const wholeSecondInstant = instantMs.map((ms) => new Date(ms - (ms % 1000)).toISOString());

describe('instants', () => {
  it('normalises zones to UTC and refuses impossible dates', () => {
    expect(normalizeInstant('2026-01-05T01:00:00+01:00')).toBe('2026-01-05T00:00:00.000Z');
    expect(normalizeInstant('2024-02-29T12:00:00Z')).toBe('2024-02-29T12:00:00.000Z');
    expect(isInstant('2025-02-29T00:00:00Z')).toBe(false);
    expect(isInstant('2026-02-30T00:00:00Z')).toBe(false);
    expect(isInstant('2026-01-05')).toBe(false);
    expect(isInstant('2026-01-05T00:00:00')).toBe(false);
    expect(isInstant('2026-13-01T00:00:00Z')).toBe(false);
    expect(normalizeInstant('0050-03-01T00:00:00Z')).toBe('0050-03-01T00:00:00.000Z');
    expect(normalizeInstant('2026-01-05T00:00:00.1234567-05:30')).toBe('2026-01-05T05:30:00.123Z');
    expect(normalizeInstant('2026-01-05T00:00:00.5Z')).toBe('2026-01-05T00:00:00.500Z');
  });

  it('agrees with Date.parse on every valid instant and zone offset', () => {
    const offset = fc
      .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 15, 30, 45))
      .map(([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(instantMs, fc.oneof(fc.constant('Z'), offset), (ms, zone) => {
        const local = new Date(ms).toISOString().slice(0, 23) + zone;
        expect(normalizeInstant(local)).toBe(new Date(Date.parse(local)).toISOString());
      }),
    );
  });

  it('round-trips epoch seconds and milliseconds', () => {
    fc.assert(
      fc.property(instantMs, (ms) => {
        const instant = epochMsToInstant(ms);
        expect(instantToEpochMs(instant)).toBe(ms);
        const whole = Math.floor(ms / 1000);
        expect(instantToEpochSeconds(epochSecondsToInstant(whole))).toBe(whole);
      }),
    );
    expect(() => instantToEpochSeconds('2026-01-01T00:00:00.500Z')).toThrow(/fraction of a second/);
  });

  it('epoch seconds read twice (the second time from the cache) give toISOString both times', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), (seconds) => {
        const expected = new Date(seconds * 1000).toISOString();
        expect(epochSecondsToInstant(seconds)).toBe(expected);
        expect(epochSecondsToInstant(seconds)).toBe(expected);
      }),
    );
    for (const bad of [1.5, Number.NaN, 2 ** 53, Number.POSITIVE_INFINITY]) {
      expect(() => epochSecondsToInstant(bad)).toThrow(RangeError);
      expect(() => epochSecondsToInstant(bad)).toThrow(RangeError);
    }
  });
});

describe('wall-clock forms in a zone', () => {
  it('round-trips naive date-times in every zone, except the second pass through an autumn overlap', () => {
    fc.assert(
      fc.property(wholeSecondInstant, fc.constantFrom(...ZONES), (instant, zone) => {
        const naive = instantToNaive(instant, zone);
        const back = naiveToInstant(naive, zone);
        expect(instantToNaive(back, zone)).toBe(naive);
        // In an overlap the earlier instant is chosen, so `back` is never later than `instant`.
        expect(back <= instant).toBe(true);
        if (back !== instant) {
          const gapMs = Date.parse(instant) - Date.parse(back);
          expect(gapMs).toBeLessThanOrEqual(3_600_000);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads UTC wall times straight from the instant', () => {
    fc.assert(
      fc.property(wholeSecondInstant, (instant) => {
        const expected = `${instant.slice(0, 10)} ${instant.slice(11, 19)}`;
        expect(instantToNaive(instant, 'UTC')).toBe(expected);
        expect(instantToNaive(instant, 'Etc/UTC')).toBe(expected);
        expect(naiveToInstant(expected, 'UTC')).toBe(instant);
      }),
    );
  });

  it('moves a wall time in a spring-forward gap forward, and takes the earlier of an ambiguous one', () => {
    // New York: 2026-03-08 02:00 → 03:00; 2026-11-01 02:00 → 01:00.
    expect(naiveToInstant('2026-03-08 02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(naiveToInstant('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(instantToNaive('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01 01:30:00');
    // London: 2026-03-29 01:00 → 02:00.
    expect(naiveToInstant('2026-03-29 01:30:00', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('handles leap days in date-only form', () => {
    expect(dateOnlyToInstant('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(() => dateOnlyToInstant('2025-02-29')).toThrow(/not a calendar date/);
    expect(dateOnlyToInstant('2024-02-29', 'Asia/Tokyo')).toBe('2024-02-28T15:00:00.000Z');
    expect(instantToDateOnly('2024-02-28T15:00:00Z', 'Asia/Tokyo')).toBe('2024-02-29');
    fc.assert(
      fc.property(instantMs, fc.constantFrom(...ZONES), (ms, zone) => {
        const date = instantToDateOnly(new Date(ms).toISOString(), zone);
        expect(instantToDateOnly(dateOnlyToInstant(date, zone), zone)).toBe(date);
      }),
    );
  });

  it('adds calendar recurrences with month-end clamping', () => {
    expect(addRecurrence('2024-01-31T00:00:00Z', { interval: 'month', count: 1 })).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(addRecurrence('2025-01-31T00:00:00Z', { interval: 'month', count: 1 })).toBe(
      '2025-02-28T00:00:00.000Z',
    );
    expect(addRecurrence('2024-02-29T00:00:00Z', { interval: 'year', count: 1 })).toBe(
      '2025-02-28T00:00:00.000Z',
    );
    expect(addRecurrence('2026-01-01T00:00:00Z', { interval: 'week', count: 2 })).toBe(
      '2026-01-15T00:00:00.000Z',
    );
  });
});
