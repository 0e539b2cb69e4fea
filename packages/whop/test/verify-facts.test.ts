/**
 * The client verifies a create against facts computed from the canonical invoice and the plan price
 * (`sentFacts`) instead of mapping its own request back to canonical. Those facts must be exactly what
 * the request says: the same as `createFacts(fromWhopCreateRequest(request))`, the slow path it replaces,
 * for every invoice the adapter maps (taxes, totals that differ from the lines, sub-minor prices and
 * fractional quantities included).
 */
import { BillbridgeError, createFacts } from '@billbridge/core';
import { invoiceArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWhopCreateRequest } from '../src/from-provider';
import { mapToWhop, sentFacts } from '../src/to-provider';
import { customizeForWhop, WHOP_ISO_CURRENCIES } from './support/conformance-docs';

const COMPANY = { companyId: 'biz_xxxxxxxxxxxxxx' };

describe('sentFacts', () => {
  it('equals the facts of the request read back, for every invoice that maps', () => {
    let mapped = 0;
    fc.assert(
      fc.property(
        invoiceArbitrary({ currencies: WHOP_ISO_CURRENCIES, customize: customizeForWhop, maxLines: 6 }),
        (invoice) => {
          let result: ReturnType<typeof mapToWhop>;
          try {
            result = mapToWhop(invoice, COMPANY);
          } catch (error) {
            // Invoices Whop cannot carry (a membership id, a negative price…) are refused with a typed error.
            expect(BillbridgeError.isInstance(error)).toBe(true);
            return;
          }
          mapped++;
          expect(sentFacts(result)).toStrictEqual(createFacts(fromWhopCreateRequest(result.request).value));
        },
      ),
      { numRuns: 400 },
    );
    expect(mapped).toBeGreaterThan(200);
  });

  it('leaves out what is not sent: a tax, and a total that differs from the lines', () => {
    const result = mapToWhop(
      {
        currency: 'EUR',
        customer: { id: 'mber_1' },
        dueAt: '2026-03-31T00:00:00Z',
        lines: [
          { description: 'a', quantity: '1.5', unitAmount: 200, tax: { amount: 7 } },
          { description: 'b', quantity: 4, unitAmountDecimal: '0.25' },
        ],
        tax: { amount: 100 },
        total: 999,
        providerOptions: {},
      },
      COMPANY,
    );
    expect(sentFacts(result)).toStrictEqual({
      currency: 'EUR',
      lineCount: 2,
      lineAmounts: [300, 1],
      total: 301,
    });
    expect(sentFacts(result)).toStrictEqual(createFacts(fromWhopCreateRequest(result.request).value));
  });
});
