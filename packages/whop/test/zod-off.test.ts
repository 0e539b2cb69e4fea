/**
 * zod stays off the import path (issue #23): importing the package and mapping valid documents both ways,
 * Whop-only options included, and a whole client create, never build a schema, so zod is never loaded.
 * This file imports nothing that loads zod (no fake, not @billbridge/testing's main entry): the server
 * below is the zod-free canned one, answering each create the way Whop's Invoice object reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type InvoiceInput, isZodLoaded } from '@billbridge/core';
import {
  type CannedServer,
  type FakeRequest,
  HTML_FORBIDDEN,
  startCannedServer,
} from '@billbridge/testing/canned-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWhopClient, fromWhop, whop } from '../src/index';
import invoiceFixture from './fixtures/invoice.json' with { type: 'json' };

const COMPANY = 'biz_xxxxxxxxxxxxxx';

const invoice: InvoiceInput = {
  externalId: 'zod-off-1',
  currency: 'USD',
  customer: {
    id: 'mber_1',
    email: 'ada@example.com',
    name: 'Ada',
    billingAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' },
  },
  dueAt: '2026-03-31T00:00:00Z',
  collection: { method: 'send_invoice', finalizeAt: '2026-03-02T00:00:00Z' },
  lines: [
    { description: 'Hours', quantity: 3, unitAmount: 1999 },
    { description: 'Setup', quantity: 1, unitAmount: 5000 },
  ],
  providerOptions: {
    whop: {
      productTitle: 'Consulting',
      taxIdType: 'eu_vat',
      taxIdValue: 'DE123',
      chargeBuyerFee: false,
      subscriptionBillingAnchorAt: '2026-04-01T00:00:00+02:00',
    },
  },
};

/** Whop's answer to a create: the Invoice object, with the request's line items as stored. */
function createAnswer(req: FakeRequest) {
  const body = req.body as Record<string, unknown>;
  const items = body.line_items as Array<{ label: string; quantity?: number; unit_price: number }>;
  const answer = {
    ...invoiceFixture,
    id: 'inv_zodoff',
    email_address: body.email_address ?? null,
    line_items: items.map((item, position) => ({
      label: item.label,
      position,
      quantity: item.quantity ?? 1,
      // Exact for the values above (whole cents × small integers).
      total: Math.round((item.quantity ?? 1) * item.unit_price * 100) / 100,
      unit_price: item.unit_price,
    })),
  };
  return { status: 200, body: answer };
}

let server: CannedServer;
beforeAll(async () => {
  // Reads: a list page of two invoices, and error answers in Whop's two JSON forms and as HTML.
  server = await startCannedServer({
    'POST /api/v1/invoices': createAnswer,
    'GET /api/v1/invoices': {
      status: 200,
      body: {
        data: [invoiceFixture, { ...invoiceFixture, id: 'inv_second' }],
        page_info: { end_cursor: null, start_cursor: null, has_next_page: false, has_previous_page: false },
      },
    },
    'GET /api/v1/invoices/inv_missing': {
      status: 404,
      body: { error: { type: 'not_found', message: 'Invoice not found' } },
    },
    'GET /api/v1/invoices/inv_expired': {
      status: 401,
      body: { error: 'invalid_token', error_description: 'The access token expired' },
    },
    'GET /api/v1/invoices/inv_proxied': HTML_FORBIDDEN,
  });
});
afterAll(() => server.close());

/** A client of the canned server: building one resolves the options, part of what must not load zod. */
const client = () =>
  createWhopClient({
    apiKey: 'whop_test_key',
    companyId: COMPANY,
    baseUrl: `${server.url}/api/v1`,
    maxRetries: 0,
  });

describe('zod is not loaded on the valid paths', () => {
  it('no source file imports zod values (types only; schemas are built by lazySchema)', () => {
    const dir = new URL('../src/', import.meta.url);
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => {
        const text = readFileSync(new URL(name, dir), 'utf8');
        const imports = text.match(/^import\s[^;]*?from\s+'zod(?:\/[^']*)?';/gms) ?? [];
        return imports.some((statement) => !/^import\s+type\s/.test(statement));
      });
    expect(offenders).toEqual([]);
  });

  it('importing the package loads no schema', () => {
    expect(isZodLoaded()).toBe(false);
  });

  it('toCreateRequest with providerOptions.whop, and fromProvider of the request and of an Invoice, load no schema', () => {
    const { request, warnings } = whop.toCreateRequest(invoice, { companyId: COMPANY });
    expect(request).toMatchObject({
      company_id: COMPANY,
      product: { title: 'Consulting' },
      charge_buyer_fee: false,
      subscription_billing_anchor_at: '2026-03-31T22:00:00.000Z',
      billing_address: { country: 'US', tax_id_type: 'eu_vat', tax_id_value: 'DE123' },
      plan: { plan_type: 'one_time', initial_price: 109.97, currency: 'usd' },
    });
    expect(warnings.map((w) => w.path)).toEqual(['externalId']);
    expect(whop.fromProvider).toBe(fromWhop);
    const back = fromWhop(request);
    expect(back.value.lines.map((line) => line.unitAmount)).toEqual([1999, 5000]);
    expect(back.value.providerOptions?.whop).toMatchObject({ chargeBuyerFee: false, taxIdType: 'eu_vat' });
    const read = fromWhop(invoiceFixture);
    expect(read.value.id).toBe('inv_xxxxxxxxxxxxxx');
    expect(isZodLoaded()).toBe(false);
  });

  it('a client create (map, send, read the answer, verify, map back) loads no schema', async () => {
    const { value } = await client().create(invoice);
    expect(value.id).toBe('inv_zodoff');
    expect(value.lines.map((line) => line.unitAmount)).toEqual([1999, 5000]);
    // One request, carrying exactly what toCreateRequest builds.
    expect(server.calls()).toEqual(['POST /api/v1/invoices']);
    expect(server.received[0]?.body).toEqual(whop.toCreateRequest(invoice, { companyId: COMPANY }).request);
    expect(isZodLoaded()).toBe(false);
  });

  it('a list, and error answers (Whop error body, OAuth form, HTML), load no schema', async () => {
    const reader = client();
    const listed: string[] = [];
    for await (const item of reader.list()) listed.push(item.value.id ?? '');
    expect(listed).toEqual(['inv_xxxxxxxxxxxxxx', 'inv_second']);
    await expect(reader.get('inv_missing')).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      message: expect.stringContaining('not_found: Invoice not found'),
    });
    await expect(reader.get('inv_expired')).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('invalid_token: The access token expired'),
    });
    await expect(reader.get('inv_proxied')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Forbidden'),
    });
    expect(isZodLoaded()).toBe(false);
  });
});
