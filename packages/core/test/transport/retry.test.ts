import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from '../../src/transport/retry';

describe('backoffDelay (full jitter)', () => {
  it('is random() times min(cap, base * 2^attempt)', () => {
    expect(backoffDelay(0, 200, 10_000, () => 0.5)).toBe(100);
    expect(backoffDelay(3, 200, 10_000, () => 0.5)).toBe(800);
    expect(backoffDelay(10, 200, 10_000, () => 0.5)).toBe(5_000);
    expect(backoffDelay(2, 200, 10_000, () => 0)).toBe(0);
  });

  it('stays within [0, ceiling) for any attempt and random value', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, 200, 10_000, () => r);
        const ceiling = Math.min(10_000, 200 * 2 ** attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter(['2', '9'], now)).toBe(2_000);
  });

  it('reads an HTTP-date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it('retries only the transient statuses', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504]) expect(isRetryableStatus(status)).toBe(true);
    for (const status of [200, 400, 401, 403, 404, 409, 422, 501, 505])
      expect(isRetryableStatus(status)).toBe(false);
  });
});
