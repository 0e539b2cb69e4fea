/**
 * zod stays off the import path (issue #23): importing the package and mapping valid documents both ways,
 * Whop-only options included, and a whole client create, never build a schema, so zod is never loaded.
 * This file imports nothing that loads zod (no fake, no @billbridge/testing): the server below is plain
 * node:http, answering each create the way Whop's Invoice object reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type InvoiceInput, isZodLoaded } from '@billbridge/core';
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

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text) as Record<string, unknown>;
}

/** Whop's answer to a create: the Invoice object, with the request's line items as stored. */
const server = createServer(async (req, res) => {
  if (req.method === 'GET') {
    answerRead(new URL(req.url ?? '/', 'http://x').pathname, res);
    return;
  }
  const body = await readJson(req);
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
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
});

/** Reads: a list page of two invoices, and error answers in Whop's two JSON forms and as HTML. */
function answerRead(path: string, res: ServerResponse): void {
  const json = (status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (path.endsWith('/invoices'))
    json(200, {
      data: [invoiceFixture, { ...invoiceFixture, id: 'inv_second' }],
      page_info: { end_cursor: null, start_cursor: null, has_next_page: false, has_previous_page: false },
    });
  else if (path.endsWith('/inv_missing'))
    json(404, { error: { type: 'not_found', message: 'Invoice not found' } });
  else if (path.endsWith('/inv_expired'))
    json(401, { error: 'invalid_token', error_description: 'The access token expired' });
  else res.writeHead(403, { 'content-type': 'text/html' }).end('<html><body>Forbidden</body></html>');
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
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
    const { port } = server.address() as AddressInfo;
    const client = createWhopClient({
      apiKey: 'whop_test_key',
      companyId: COMPANY,
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      maxRetries: 0,
    });
    const { value } = await client.create(invoice);
    expect(value.id).toBe('inv_zodoff');
    expect(value.lines.map((line) => line.unitAmount)).toEqual([1999, 5000]);
    expect(isZodLoaded()).toBe(false);
  });

  it('a list, and error answers (Whop error body, OAuth form, HTML), load no schema', async () => {
    const { port } = server.address() as AddressInfo;
    const client = createWhopClient({
      apiKey: 'whop_test_key',
      companyId: COMPANY,
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      maxRetries: 0,
    });
    const listed: string[] = [];
    for await (const item of client.list()) listed.push(item.value.id ?? '');
    expect(listed).toEqual(['inv_xxxxxxxxxxxxxx', 'inv_second']);
    await expect(client.get('inv_missing')).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      message: expect.stringContaining('not_found: Invoice not found'),
    });
    await expect(client.get('inv_expired')).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('invalid_token: The access token expired'),
    });
    await expect(client.get('inv_proxied')).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Forbidden'),
    });
    expect(isZodLoaded()).toBe(false);
  });
});
