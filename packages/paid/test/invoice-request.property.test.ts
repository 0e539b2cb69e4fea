/**
 * toCreateRequest of an invoice (core's invoiceToOrderInto, writing into Paid's collector) must give what
 * core's invoiceToOrder followed by the order mapping gives, warnings first from the conversion.
 */
import { type Invoice, invoiceToOrder, parseInvoice } from '@billbridge/core';
import { invoiceArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCreateRequest } from '../src/to-provider';

/** Valid invoices, some reduced to a total without lines, some with odd statuses and collections. */
const invoices = fc
  .tuple(
    invoiceArbitrary({ maxLines: 4 }),
    fc.constantFrom('keep', 'total-only', 'no-period-start'),
    fc.option(fc.constantFrom('draft', 'open', 'paid', 'void'), { nil: undefined }),
  )
  .map(([invoice, shape, status]) => {
    const out: Record<string, unknown> = { ...invoice };
    if (shape === 'total-only') {
      out.lines = [];
      out.total = 1234;
      delete out.tax;
    }
    if (status !== undefined) out.status = status;
    return out;
  })
  .filter((candidate) => {
    try {
      parseInvoice(candidate);
      return true;
    } catch {
      return false;
    }
  })
  .map((candidate) => parseInvoice(candidate));

describe('Paid maps an invoice as the order core converts it to', () => {
  it('toCreateRequest of an invoice equals toCreateRequest of core’s order, warnings first from the conversion', () => {
    fc.assert(
      fc.property(invoices, (invoice: Invoice) => {
        const withIds = {
          ...invoice,
          customer: { ...invoice.customer, id: 'cus_1' },
          lines: invoice.lines.map((line) => ({ ...line, product: { id: 'prod_1' } })),
        };
        const parsed = parseInvoice(withIds);
        const core = invoiceToOrder(parsed);
        let fast: unknown;
        let slow: unknown;
        try {
          fast = toCreateRequest(parsed);
        } catch (error) {
          fast = error;
        }
        try {
          const viaOrder = toCreateRequest(core.value);
          slow = { request: viaOrder.request, warnings: [...core.warnings, ...viaOrder.warnings] };
        } catch (error) {
          slow = error;
        }
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 200 },
    );
  });
});
