import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderError,
  RateLimitError,
} from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { isWithdrawnAnswer, mapError } from '../src/errors';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('mapError (card §6)', () => {
  it('a duplicate invoiceNumber is a ConflictError whatever the status (409, or the DB error in a 500)', () => {
    const pg = mapError(
      response(500, {
        error: 'duplicate key value violates unique constraint "invoices_invoice_number_unique"',
        code: 'INTERNAL_SERVER_ERROR',
      }),
    );
    expect(ConflictError.isInstance(pg)).toBe(true);
    expect(pg.retryable).toBe(false);
    expect(ConflictError.isInstance(mapError(response(409, { error: 'conflict', code: 'CONFLICT' })))).toBe(
      true,
    );
    expect(
      ConflictError.isInstance(mapError(response(500, { error: 'boom', code: 'INTERNAL_SERVER_ERROR' }))),
    ).toBe(false);
  });

  it('rate limits honour retry-after-ms before retry-after', () => {
    const a = mapError(
      response(429, { error: 'slow down' }, { 'retry-after-ms': '1500', 'retry-after': '9' }),
    );
    expect(RateLimitError.isInstance(a) && a.retryAfterMs).toBe(1500);
    const b = mapError(response(429, 'slow down', { 'retry-after': '2' }));
    expect(RateLimitError.isInstance(b) && b.retryAfterMs).toBe(2000);
  });

  it('zod issues carried as a JSON string in `error` still become field issues', () => {
    const error = mapError(
      response(400, {
        error: JSON.stringify([{ path: ['invoice', 'status'], message: 'Invalid enum value' }]),
        code: 'BAD_REQUEST',
      }),
    );
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).fieldIssues).toEqual([
      { field: 'invoice.status', message: 'Invalid enum value' },
    ]);
  });

  it('withdrawn create: 404/405 on the create route, except a 404 about the customer', () => {
    expect(isWithdrawnAnswer(mapError(response(404, 'Not Found')))).toBe(true);
    expect(
      isWithdrawnAnswer(
        mapError(
          response(404, { error: 'No "mutation"-procedure on path "invoices.create"', code: 'NOT_FOUND' }),
        ),
      ),
    ).toBe(true);
    expect(isWithdrawnAnswer(mapError(response(405, 'Method Not Allowed')))).toBe(true);
    const customer = mapError(
      response(404, { error: 'No customers found with id: cust_1', code: 'NOT_FOUND' }),
    );
    expect(NotFoundError.isInstance(customer) && !isWithdrawnAnswer(customer)).toBe(true);
    expect(isWithdrawnAnswer(mapError(response(400, { error: 'bad' })))).toBe(false);
    expect(ProviderError.isInstance(mapError(response(405, 'Method Not Allowed')))).toBe(true);
  });
});
