import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  ProviderError,
  RateLimitError,
} from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { InvoiceInsertFailedError, isWithdrawnAnswer, mapError, UnknownRecordError } from '../src/errors';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('mapError (card §6)', () => {
  it('a failed invoice insert (500 naming invoice_number whatever the cause) is neither a conflict nor retried', () => {
    // What the create-era server answers for a duplicate number, a foreign-key failure and a transient
    // error alike (tableUtils.ts createInsertFunction over drizzle's "Failed query").
    const insert = mapError(
      response(500, {
        error:
          'Failed to insert item into invoices: Failed to insert items into invoices: Failed query: insert into "invoices" ("id", "invoice_number", "subscription_id") values (default, $1, $2)\nparams: INV-1,sub_x',
        code: 'INTERNAL_SERVER_ERROR',
      }),
    );
    expect(InvoiceInsertFailedError.isInstance(insert)).toBe(true);
    expect(ConflictError.isInstance(insert)).toBe(false);
    expect(insert.retryable).toBe(false);
    expect(insert.message).not.toMatch(/taken/);
    expect(ConflictError.isInstance(mapError(response(409, { error: 'conflict', code: 'CONFLICT' })))).toBe(
      true,
    );
    const other = mapError(response(500, { error: 'boom', code: 'INTERNAL_SERVER_ERROR' }));
    expect(ConflictError.isInstance(other) || InvoiceInsertFailedError.isInstance(other)).toBe(false);
    expect(other.retryable).toBe(true);
  });

  it("selectById's 500 is a not-found error for the record it names, not retried", () => {
    const error = mapError(
      response(500, {
        error: 'Failed to select customers by id cust_9: No customers found with id: cust_9',
        code: 'INTERNAL_SERVER_ERROR',
      }),
    );
    expect(UnknownRecordError.isInstance(error)).toBe(true);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.retryable).toBe(false);
    expect((error as UnknownRecordError).table).toBe('customers');
    expect((error as UnknownRecordError).id).toBe('cust_9');
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
