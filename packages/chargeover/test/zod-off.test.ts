/**
 * zod stays off the hot paths: importing the package, resolving options (adapter and client), mapping a
 * valid document to a request, reading a valid request body and a valid record back, never load it.
 * This file imports nothing that loads zod itself (not the fake, not @billbridge/testing's main entry; its
 * zod-free canned server stands in for ChargeOver), and its tests
 * run in order: the last one shows the check can fail, by making the schema path run.
 */
import { readFileSync } from 'node:fs';
import { isZodLoaded, ValidationError } from '@billbridge/core';
import { HTML_FORBIDDEN, startCannedServer } from '@billbridge/testing/canned-server';
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

const clientOptions = {
  publicKey: 'pub',
  privateKey: 'priv',
  currencyIds: { USD: 1 },
  timeZone: 'America/Chicago',
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

    createChargeOverClient({ ...clientOptions, baseUrl: 'http://127.0.0.1:9' });
    expect(isZodLoaded()).toBe(false);
  });

  it('after client calls answered by errors (the documented envelope, one with field details, HTML)', async () => {
    // ChargeOver's error envelope (§7: status "Error", response false).
    const error = (code: number, message: string, details: Record<string, string>) => ({
      status: code,
      body: { code, status: 'Error', message, details, response: false },
    });
    const server = await startCannedServer({
      'GET /api/v3/invoice/41': error(404, 'Could not find invoice #41.', {}),
      'GET /api/v3/invoice/42': error(400, 'Invalid invoice.', { customer_id: 'Unknown customer.' }),
      'GET /api/v3/invoice/43': HTML_FORBIDDEN,
    });
    try {
      const client = createChargeOverClient({ ...clientOptions, baseUrl: server.url, maxRetries: 0 });
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
      // One request per call (no retry).
      expect(server.calls()).toEqual(['41', '42', '43'].map((id) => `GET /api/v3/invoice/${id}`));
    } finally {
      await server.close();
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
