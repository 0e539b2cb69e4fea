/**
 * zod stays off the hot paths: importing the package, resolving options (adapter and client), mapping a
 * valid document to a request, reading a valid request body and a valid record back, never load it.
 * This file imports nothing that loads zod itself (not the fake, not @billbridge/testing), and its tests
 * run in order: the last one shows the check can fail, by making the schema path run.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isZodLoaded, ValidationError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { chargeover, createChargeOverClient } from '../src/index';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const options = {
  currencyIds: { USD: 1, EUR: 3 },
  currencyRounding: { USD: 2 },
  baseCurrency: 'USD',
  timeZone: 'America/New_York',
  customFields: { invoice: { po: 'custom_3' }, line: { sku: 'custom_1' } },
};

describe('zod is not loaded on the valid paths', () => {
  it('after import', () => {
    expect(isZodLoaded()).toBe(false);
  });

  it('after options resolution, mapping both ways, and a client', () => {
    const { request } = chargeover.toCreateRequest(
      {
        externalId: 'inv-1',
        number: 'A-1',
        currency: 'EUR',
        customer: { id: '7', billingAddress: { line1: '1 Main St', country: 'US' } },
        issuedAt: '2026-03-01T05:00:00Z',
        memo: 'thanks',
        metadata: { po: 'PO-9' },
        recurrence: { interval: 'month', count: 1 },
        providerOptions: { chargeover: { terms_id: 3, class_id: 2 } },
        lines: [
          {
            description: 'hours',
            quantity: 2,
            unitAmount: 1999,
            product: { id: '4' },
            metadata: { sku: 'S' },
          },
          { quantity: '1.5', unitAmountDecimal: '0.25', product: { id: '5' } },
        ],
      },
      options,
    );
    expect(request.currency_id).toBe(3);
    expect(request.terms_id).toBe(3);

    const back = chargeover.fromProvider(JSON.parse(JSON.stringify(request)), options);
    expect(back.value.currency).toBe('EUR');
    expect(back.value.lines).toHaveLength(2);
    expect(chargeover.fromProvider(fixture('create-request-minimal.json'), options).value.lines).toHaveLength(
      1,
    );

    const record = chargeover.fromProvider(fixture('get-invoice-recorded.json'), options);
    expect(record.value.id).toBe('10000');
    const envelope = fixture('query-invoices-recorded.json') as { response: unknown[] };
    for (const row of envelope.response)
      expect(chargeover.fromProvider(row, options).value.provider).toBe('chargeover');

    createChargeOverClient({
      baseUrl: 'http://127.0.0.1:9',
      publicKey: 'pub',
      privateKey: 'priv',
      currencyIds: { USD: 1 },
      timeZone: 'America/Chicago',
    });
    expect(isZodLoaded()).toBe(false);
  });

  it('after client calls answered by errors (the documented envelope, one with field details, HTML)', async () => {
    // ChargeOver's error envelope (§7: status "Error", response false), from a plain node:http server.
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (path.endsWith('/41'))
        json(404, {
          code: 404,
          status: 'Error',
          message: 'Could not find invoice #41.',
          details: {},
          response: false,
        });
      else if (path.endsWith('/42'))
        json(400, {
          code: 400,
          status: 'Error',
          message: 'Invalid invoice.',
          details: { customer_id: 'Unknown customer.' },
          response: false,
        });
      else res.writeHead(403, { 'content-type': 'text/html' }).end('<html><body>Forbidden</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createChargeOverClient({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        publicKey: 'pub',
        privateKey: 'priv',
        currencyIds: { USD: 1 },
        timeZone: 'America/Chicago',
        maxRetries: 0,
      });
      await expect(client.get('41')).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining('Could not find invoice #41.'),
      });
      await expect(client.get('42')).rejects.toMatchObject({
        status: 400,
        fieldIssues: [{ field: 'customer_id', message: 'Unknown customer.' }],
      });
      await expect(client.get('43')).rejects.toMatchObject({
        status: 403,
        message: expect.stringContaining('Forbidden'),
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(isZodLoaded()).toBe(false);
  });

  it('is loaded once a document is not valid (the schema owns the error)', () => {
    expect(() => chargeover.fromProvider({ customer_id: 1, line_items: [] }, options)).toThrow(
      ValidationError,
    );
    expect(isZodLoaded()).toBe(true);
  });
});
