/**
 * Must-show of issue #23: zod stays off the import path and off every valid hot path. This file imports
 * nothing that loads zod (not the fake, not @billbridge/testing's main entry): the package, core, and
 * the zod-free canned server standing in for Paid.
 */
import { isZodLoaded } from '@billbridge/core';
import { type CannedServer, HTML_FORBIDDEN, startCannedServer } from '@billbridge/testing/canned-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaidClient, fromProvider, paid, toCreateRequest } from '../src/index';

const invoice = {
  externalId: 'inv-1',
  currency: 'USD',
  customer: { id: 'cus_abc123' },
  issuedAt: '2026-03-01T00:00:00Z',
  lines: [
    { description: 'Consulting', quantity: 2, unitAmount: 1999, product: { id: 'prod-id' } },
    { description: 'Support', quantity: 1, unitAmount: 500, product: { id: 'prod-id' } },
  ],
};

/** What Paid answers to a create: its Order, with the amount it computed from the lines. */
function orderAnswer(body: {
  customerId: string;
  lines: Array<{ attributes: Array<{ quantity?: number; pricing: { pricePoints: { unitPrice: number } } }> }>;
}) {
  let total = 0;
  for (const line of body.lines)
    for (const a of line.attributes) total += (a.quantity ?? 1) * a.pricing.pricePoints.unitPrice;
  return {
    id: 'ord_1',
    customerId: body.customerId,
    billingCustomerId: null,
    billingContactIds: [],
    createdAt: '2026-03-01T00:00:01Z',
    updatedAt: '2026-03-01T00:00:01Z',
    endDate: null,
    name: '',
    startDate: '2026-03-01T00:00:00Z',
    subscriptionTerms: null,
    billedAmountNoTax: 0,
    billedTax: 0,
    estimatedTax: 0,
    orderAmount: total,
    pendingBillingAmount: total,
    totalAmount: total,
    totalBilledAmount: 0,
    creationState: 'draft',
    paymentTerms: null,
    number: 1,
    metadata: null,
    showPaymentLink: null,
    showBankDetails: null,
    autoPostInvoices: null,
    autoSendBillingEmails: null,
    autoSendPaymentEmails: null,
    version: 1,
    billingFrequencyOverridden: false,
  };
}

const page = (data: unknown[]) => ({
  data,
  pagination: { limit: 100, offset: 0, total: data.length, hasMore: false },
});
const stored = orderAnswer({ customerId: 'cus_abc123', lines: [] });
const line = {
  id: 'line_1',
  productId: 'prod-id',
  name: 'Consulting',
  description: null,
  startDate: '2026-03-01T00:00:00Z',
  endDate: null,
};
let server: CannedServer;
let baseUrl = '';

beforeAll(async () => {
  server = await startCannedServer({
    // Error answers, as Paid documents them (`Paid.ErrorResponse`) and as a proxy might send them.
    'GET /api/v2/orders/ord_missing': {
      status: 404,
      body: { error: 'Order not found', code: 'not_found', details: 'ord_missing' },
    },
    'GET /api/v2/orders/ord_proxied': HTML_FORBIDDEN,
    'POST /api/v2/orders/': (req) => ({ status: 201, body: orderAnswer(req.body as never) }),
    'GET /api/v2/orders/': { status: 200, body: page([stored, { ...stored, id: 'ord_2' }]) },
    'GET /api/v2/orders/:id/lines': { status: 200, body: page([line]) },
    'GET /api/v2/orders/:id': { status: 200, body: stored },
  });
  baseUrl = `${server.url}/api/v2`;
});
afterAll(() => server.close());

describe('zod is not loaded by importing the package or by any valid hot path', () => {
  it('import, toCreateRequest, fromProvider (request and read record), options, create, get, list and error answers', async () => {
    expect(isZodLoaded()).toBe(false);

    const { request, warnings } = toCreateRequest(invoice);
    expect(request.lines).toHaveLength(2);
    expect(warnings.map((w) => w.path)).not.toContain('customer');
    expect(paid.toCreateRequest(invoice, { strict: false }).request).toEqual(request);

    const back = fromProvider(request);
    expect(back.value).toMatchObject({ currency: 'USD', customer: { id: 'cus_abc123' } });
    const record = {
      ...orderAnswer(request as never),
      currency: 'USD',
      externalId: 'inv-1',
      lines: request.lines,
    };
    const view = fromProvider(record, { as: 'invoice' }).value;
    expect(view).toMatchObject({ id: 'ord_1', currency: 'USD' });
    expect(view.lines.map((line) => 'unitAmount' in line && line.unitAmount)).toEqual([1999, 500]);
    expect(fromProvider(orderAnswer(request as never), { currency: 'EUR' }).value).toMatchObject({
      currency: 'EUR',
    });

    // Options resolution and the whole create: map, send, parse the answer, verify, map back.
    const client = createPaidClient({ apiKey: 'sk_test_zod', baseUrl, maxRetries: 0, customerIds: {} });
    const created = await client.create(invoice);
    expect(created.value).toMatchObject({ id: 'ord_1', currency: 'USD', externalId: 'inv-1' });
    expect(created.raw.totalAmount).toBe(4498);
    const readBack = await createPaidClient({ apiKey: 'sk_test_zod', baseUrl, verify: 'response' }).create(
      invoice,
      { strict: false },
    );
    expect(readBack.raw.totalAmount).toBe(4498);

    // Reads: get (with its lines), list pages.
    const reader = createPaidClient({ apiKey: 'sk_test_zod', baseUrl, currency: 'USD' });
    const got = await reader.get('ord_9', { includeLines: true });
    expect(got.raw.lines).toHaveLength(1);
    expect(got.value).toMatchObject({ id: 'ord_1', currency: 'USD' });
    const listed: string[] = [];
    for await (const item of reader.list({ as: 'invoice' })) listed.push(item.raw.id);
    expect(listed).toEqual(['ord_1', 'ord_2']);

    // Error answers: a documented error body, and an HTML one, both mapped without the schema.
    await expect(reader.get('ord_missing')).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      message: expect.stringContaining('[not_found] Order not found: ord_missing'),
    });
    await expect(reader.get('ord_proxied')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Forbidden'),
    });

    // What reached the server: the two creates (both lines sent), then one request per read.
    expect(server.calls()).toEqual([
      'POST /api/v2/orders/',
      'POST /api/v2/orders/',
      'GET /api/v2/orders/ord_9',
      'GET /api/v2/orders/ord_1/lines',
      'GET /api/v2/orders/',
      'GET /api/v2/orders/ord_missing',
      'GET /api/v2/orders/ord_proxied',
    ]);
    expect(server.received[0]?.body).toMatchObject({ customerId: 'cus_abc123', lines: [{}, {}] });
    expect(isZodLoaded()).toBe(false);
  });
});
