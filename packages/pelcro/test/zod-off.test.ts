/**
 * Issue #23: zod stays off the import path. Importing the package and mapping a valid document both ways
 * (and resolving its options) must not load zod: every schema is lazy and the valid case is read by hand.
 * This file imports nothing that loads zod on purpose (not the fake, not @billbridge/testing's main entry);
 * error answers come from the zod-free canned server.
 */
import { readFileSync } from 'node:fs';
import { isZodLoaded } from '@billbridge/core';
import { HTML_FORBIDDEN, startCannedServer } from '@billbridge/testing/canned-server';
import { describe, expect, it } from 'vitest';
import { createPelcroClient, pelcro } from '../src/index';
import { parseProviderOptions } from '../src/provider-options';
import { readSiteId } from '../src/to-provider';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('zod off the import path', () => {
  it('importing, mapping a valid invoice both ways and resolving options leaves zod unloaded', () => {
    expect(isZodLoaded()).toBe(false);
    const options = { siteId: '1234', customerIds: { 'legacy-7': 987654 } };
    expect(readSiteId(options.siteId)).toBe(1234);
    const issues: never[] = [];
    expect(parseProviderOptions({ billingAddressId: 7001, planShipmentsPerInterval: 4 }, issues)).toEqual({
      billingAddressId: 7001,
      planShipmentsPerInterval: 4,
    });
    expect(issues).toEqual([]);

    const { request } = pelcro.toCreateRequest(
      {
        externalId: 'inv-1',
        currency: 'USD',
        customer: {
          externalId: 'legacy-7',
          billingAddress: { name: 'Ada Reader', line1: '1 Main St', country: 'CA' },
        },
        period: { start: '2025-01-01T00:00:00Z', end: '2025-02-01T00:00:00Z' },
        dueAt: '2025-01-08T00:00:00Z',
        metadata: { source: 'legacy' },
        lines: [
          { description: 'Back issues', quantity: 2, unitAmount: 1500 },
          { description: 'Handling', quantity: 1, unitAmount: 500, tax: { name: 'GST', ratePercent: '5' } },
        ],
        providerOptions: { pelcro: { shippingAddressId: 7002 } },
      },
      options,
    );
    expect(request.body.customer_id).toBe(987654);
    expect(request.body.shipping_address_id).toBe(7002);

    // The create request as fromProvider reads it, and invoices as Pelcro answers them (bare and in `data`).
    expect(pelcro.fromProvider(request).value.lines).toHaveLength(2);
    expect(pelcro.fromProvider(fixture('invoice-webhook.json')).value.id).toBe('4821');
    expect(pelcro.fromProvider(fixture('invoice-epoch-dates.json')).value.id).toBe('4822');

    expect(isZodLoaded()).toBe(false);
  });

  it('a client call answered by an error (validation map, message, HTML) leaves zod unloaded', async () => {
    // Pelcro's answers as its docs show them (not the fake: it loads zod).
    const server = await startCannedServer({
      'GET /api/v1/core/invoices/41': {
        status: 404,
        body: { errors: { invoice_id: ['The selected invoice id is invalid.'] } },
      },
      'GET /api/v1/core/invoices/42': { status: 404, body: { message: 'Not found', error: 'not_found' } },
      'GET /api/v1/core/invoices/43': HTML_FORBIDDEN,
    });
    try {
      const client = createPelcroClient({
        apiKey: 'pelcro_test_key',
        siteId: '1234',
        baseUrl: server.url,
        maxRetries: 0,
      });
      await expect(client.get('41')).rejects.toMatchObject({
        name: 'InvalidRequestError',
        status: 404,
        fieldIssues: [{ field: 'invoice_id', message: 'The selected invoice id is invalid.' }],
      });
      await expect(client.get('42')).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining('Not found'),
      });
      await expect(client.get('43')).rejects.toMatchObject({
        status: 403,
        message: expect.stringContaining('Forbidden'),
      });
      // One request per call (no retry), each naming the site.
      const sent = server.received.map((req) => `${req.path}?${req.query}`);
      expect(sent).toEqual(['41', '42', '43'].map((id) => `/api/v1/core/invoices/${id}?site_id=1234`));
    } finally {
      await server.close();
    }
    expect(isZodLoaded()).toBe(false);
  });
});
