import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import type * as core from '../src/index';
import {
  AmbiguousResultError,
  BillbridgeError,
  errorFromStatus,
  InvalidRequestError,
  LossyMappingError,
  NotFoundError,
  ProviderError,
  RateLimitError,
  registerSecret,
  WarningCollector,
} from '../src/index';

describe('error taxonomy', () => {
  it('maps statuses to classes', () => {
    const cases: Array<[number, string]> = [
      [400, 'InvalidRequestError'],
      [401, 'AuthenticationError'],
      [403, 'PermissionError'],
      [404, 'NotFoundError'],
      [409, 'ConflictError'],
      [422, 'InvalidRequestError'],
      [429, 'RateLimitError'],
      [500, 'ProviderServerError'],
      [503, 'ProviderServerError'],
      [418, 'ProviderError'],
      [408, 'ProviderError'],
      [425, 'ProviderError'],
    ];
    for (const [status, name] of cases) {
      const error = errorFromStatus({ provider: 'paid', status, message: 'nope', requestId: 'req_1' });
      expect(error.name).toBe(name);
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(BillbridgeError.isInstance(error)).toBe(true);
      expect(error.requestId).toBe('req_1');
      expect(error.retryable).toBe(status === 408 || status === 425 || status === 429 || status >= 500);
    }
  });

  it('isInstance works across two loaded copies of the package', async () => {
    vi.resetModules();
    const copy = (await import('../src/index')) as typeof core;
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const foreign = new copy.NotFoundError('gone', { provider: 'whop', status: 404 });
    expect(foreign instanceof NotFoundError).toBe(false);
    expect(NotFoundError.isInstance(foreign)).toBe(true);
    expect(ProviderError.isInstance(foreign)).toBe(true);
    expect(RateLimitError.isInstance(foreign)).toBe(false);
    expect(NotFoundError.isInstance(new Error('x'))).toBe(false);
    expect(NotFoundError.isInstance(null)).toBe(false);
  });

  it('carries field issues and retry-after', () => {
    const invalid = new InvalidRequestError('bad', [
      { field: 'line_items.0.unit_price', message: 'must be an integer' },
    ]);
    expect(invalid.message).toContain('line_items.0.unit_price: must be an integer');
    expect(new RateLimitError('slow down', 2000).retryAfterMs).toBe(2000);
  });

  it('never shows a registered secret in message, JSON, inspect or raw body', () => {
    const key = 'sk_live_super_secret_123456';
    registerSecret(key);
    const error = errorFromStatus({
      provider: 'whop',
      status: 401,
      message: `invalid key ${key}`,
      raw: { error: { message: `Bearer ${key} rejected` }, authorization: 'anything' },
    });
    const ambiguous = new AmbiguousResultError('maybe created', {
      method: 'POST',
      url: `https://x/?key=${key}`,
      body: { note: key },
    });
    for (const e of [error, ambiguous]) {
      for (const text of [e.message, String(e), JSON.stringify(e), inspect(e), e.stack ?? '']) {
        expect(text).not.toContain(key);
      }
    }
    expect(JSON.stringify(error)).toContain('[REDACTED]');
  });
});

describe('WarningCollector', () => {
  it('returns warnings, or throws every lossy one when strict', () => {
    const w = new WarningCollector('paid');
    w.defaulted('lines[0].quantity', 'defaulted to 1');
    w.unsupported('dueAt');
    w.approximated('recurrence', 'month became 30 days');
    expect(w.finish(false)).toHaveLength(3);
    try {
      w.finish(true);
      expect.unreachable();
    } catch (error) {
      expect(LossyMappingError.isInstance(error)).toBe(true);
      expect((error as LossyMappingError).warnings.map((x) => x.path)).toEqual(['dueAt', 'recurrence']);
    }
    const clean = new WarningCollector('paid');
    clean.defaulted('x', 'y');
    expect(clean.finish(true)).toHaveLength(1);
  });
});
