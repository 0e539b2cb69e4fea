import { InvalidRequestError, RateLimitError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { fromWhop, mapWhopError } from '../src/index';
import { createRequestIssues, InvoiceCreateRequest, InvoiceListResponse } from '../src/wire';
import createRequest from './fixtures/create-request.json';
import invalidRequest from './fixtures/error-invalid-request.json';
import rateLimit from './fixtures/error-rate-limit.json';
import invoice from './fixtures/invoice.json';
import listPage from './fixtures/list-page.json';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body,
  text: JSON.stringify(body),
});

describe('documented payloads', () => {
  it('the card example request passes the wire schema and every create rule', () => {
    const parsed = InvoiceCreateRequest.parse(createRequest);
    expect(createRequestIssues(parsed)).toEqual([]);
  });

  it('reads the card example request as a canonical invoice', () => {
    const { value, warnings } = fromWhop(createRequest);
    expect(warnings).toEqual([]);
    expect(value).toEqual({
      provider: 'whop',
      currency: 'USD',
      customer: { email: 'customer@example.com', name: 'Jane Doe' },
      lines: [{ description: 'Hours', quantity: 1, unitAmount: 1043, product: { name: 'Consulting' } }],
      collection: { method: 'send_invoice' },
      dueAt: '2025-02-01T00:00:00.000Z',
    });
  });

  it('reads the documented Invoice object', () => {
    const { value, warnings } = fromWhop(invoice);
    expect(warnings).toEqual([]);
    expect(value).toMatchObject({
      id: 'inv_xxxxxxxxxxxxxx',
      provider: 'whop',
      number: '#0001',
      status: 'open',
      providerStatus: 'open',
      currency: 'USD',
      customer: { email: 'customer@example.com', name: 'Jane Doe' },
      dueAt: '2023-12-01T05:00:00.401Z',
      createdAt: '2023-12-01T05:00:00.401Z',
      lines: [{ description: 'Hours', quantity: 1, unitAmount: 1000 }],
      providerOptions: {
        whop: { planId: 'plan_xxxxxxxxxxxxx', userId: 'user_xxxxxxxxxxxxx', username: 'janedoe' },
      },
    });
  });

  it('reads a list page: past_due is open, and a line-less invoice takes its total from the display price', () => {
    const page = InvoiceListResponse.parse(listPage);
    const { value, warnings } = fromWhop(page.data[0]);
    expect(value.status).toBe('open');
    expect(value.providerStatus).toBe('past_due');
    expect(value.total).toBe(1043);
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'total' })]);
  });

  it('maps the documented error bodies (code and type forms)', () => {
    const invalid = mapWhopError(response(400, invalidRequest));
    expect(InvalidRequestError.isInstance(invalid)).toBe(true);
    expect(invalid.message).toContain('invalid_request: Missing required parameter: company_id');
    expect((invalid as InvalidRequestError).fieldIssues).toEqual([
      { field: 'company_id', message: 'Missing required parameter: company_id' },
    ]);
    const limited = mapWhopError(response(429, rateLimit, { 'retry-after': '12' }));
    expect(RateLimitError.isInstance(limited)).toBe(true);
    expect((limited as RateLimitError).retryAfterMs).toBe(12_000);
    expect(limited.message).toContain('rate_limit_exceeded: Try again in 12 seconds.');
    expect(limited.retryable).toBe(true);
  });
});
