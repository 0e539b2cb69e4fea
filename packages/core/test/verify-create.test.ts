import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AmbiguousResultError,
  BillbridgeError,
  compareCreateFacts,
  createFacts,
  IntegrityError,
  parseCreateAnswer,
  parseInvoice,
  verifyCreate,
} from '../src/index';

const invoice = parseInvoice({
  currency: 'JPY',
  customer: { email: 'a@example.com' },
  lines: [
    { quantity: 2, unitAmount: 1500 },
    { quantity: 1, unitAmount: 300 },
  ],
});

describe('verified creates', () => {
  it('describes a document by currency, lines, amounts and total', () => {
    expect(createFacts(invoice)).toEqual({
      currency: 'JPY',
      lineCount: 2,
      lineAmounts: [3000, 300],
      total: 3300,
    });
  });

  it('compares only what both sides carry', () => {
    expect(compareCreateFacts(createFacts(invoice), { currency: 'JPY' })).toEqual([]);
    expect(compareCreateFacts(createFacts(invoice), { currency: 'AED', lineAmounts: [3000, 30] })).toEqual([
      { path: 'currency', expected: 'JPY', actual: 'AED' },
      { path: 'lines[1].amount', expected: 300, actual: 30 },
    ]);
  });

  it('throws IntegrityError naming the field and the created id', () => {
    const attempt = () =>
      verifyCreate({
        provider: 'chargeover',
        createdId: '42',
        sent: createFacts(invoice),
        stored: { currency: 'AED' },
      });
    expect(attempt).toThrow(IntegrityError);
    try {
      attempt();
    } catch (error) {
      expect(IntegrityError.isInstance(error)).toBe(true);
      expect(BillbridgeError.isInstance(error)).toBe(true);
      const e = error as IntegrityError;
      expect(e.createdId).toBe('42');
      expect(e.differences[0]?.path).toBe('currency');
      expect(e.message).toMatch(/created 42/);
      expect(e.retryable).toBe(false);
    }
  });
});

describe('parseCreateAnswer', () => {
  const schema = z.object({ id: z.string() });
  const context = {
    provider: 'paid',
    subject: 'Paid create-order response',
    method: 'POST',
    url: 'http://x/orders/',
    externalId: 'inv-1',
  } as const;

  it('returns the parsed answer', () => {
    expect(
      parseCreateAnswer(schema, { status: 201, body: { id: 'o1' }, text: '{"id":"o1"}' }, context),
    ).toEqual({ id: 'o1' });
  });

  it.each([
    ['HTML', '<html>oops</html>', '<html>oops</html>'],
    ['empty', undefined, ''],
    ['wrong shape', { ok: true }, '{"ok":true}'],
  ])('turns a 2xx with %s into AmbiguousResultError', (_, body, text) => {
    try {
      parseCreateAnswer(schema, { status: 201, body, text }, context);
      expect.unreachable();
    } catch (error) {
      expect(AmbiguousResultError.isInstance(error)).toBe(true);
      expect((error as AmbiguousResultError).externalId).toBe('inv-1');
      expect((error as AmbiguousResultError).request.url).toBe('http://x/orders/');
    }
  });

  it('turns a 10,000-deep answer, or a schema that throws, into AmbiguousResultError (never a crash)', () => {
    let deep: unknown = { id: 'o1' };
    for (let i = 0; i < 10_000; i++) deep = { id: 'o1', next: deep };
    const throwing = z.object({ id: z.string() }).refine(() => {
      throw new RangeError('boom');
    });
    for (const [schemaUsed, body] of [
      [schema, deep],
      [throwing, { id: 'o1' }],
    ] as const) {
      let thrown: unknown;
      try {
        parseCreateAnswer(schemaUsed, { status: 201, body, text: '{}' }, context);
      } catch (error) {
        thrown = error;
      }
      expect(AmbiguousResultError.isInstance(thrown), String(thrown)).toBe(true);
    }
  });
});
