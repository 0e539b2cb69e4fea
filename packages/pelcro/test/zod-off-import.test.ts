/**
 * Issue #23: zod stays off the import path. Importing the package and mapping a valid document both ways
 * (and resolving its options) must not load zod: every schema is lazy and the valid case is read by hand.
 * This file imports nothing that loads zod on purpose (not the fake, not @billbridge/testing).
 */
import { readFileSync } from 'node:fs';
import { isZodLoaded } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
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
});
