/**
 * What Whop requires of a generated invoice, added after generation (the conformance suite's
 * `customizeInvoice`): someone to address it to, a label per line, a due date or payment method as the
 * collection method needs, and lines that add up to a whole amount (Whop's plan price rule).
 */
import {
  exactLineAmount,
  formatDecimal,
  type Invoice,
  isCurrencyCode,
  isWholeDecimal,
  toDecimal,
} from '@billbridge/core';
import { WHOP_CURRENCIES } from '../../src/wire-enums';

/** Every Whop currency that is an ISO code billbridge carries. */
export const WHOP_ISO_CURRENCIES = WHOP_CURRENCIES.map((c) => c.toUpperCase()).filter(isCurrencyCode);

type Line = Invoice['lines'][number];

/** A line whose quantity × unit price is not a whole amount is scaled until it is, keeping its kind of price. */
function wholeLine(line: Line): Line {
  if (isWholeDecimal(exactLineAmount(line))) return line;
  const quantity = toDecimal(line.quantity);
  if (line.unitAmount !== undefined) {
    // Whole unit price, fractional quantity: scale the price by the quantity's decimals.
    return { ...line, unitAmount: line.unitAmount * 10 ** quantity.scale };
  }
  const unit = toDecimal(line.unitAmountDecimal ?? '0');
  if (quantity.scale === 0) {
    // Sub-minor price, whole quantity: scale the quantity by the price's decimals.
    return {
      ...line,
      quantity: formatDecimal({ coefficient: quantity.coefficient * 10n ** BigInt(unit.scale), scale: 0 }),
    };
  }
  // Both fractional: a whole price that makes the fractional quantity a whole amount.
  const { unitAmountDecimal: _, ...rest } = line;
  return { ...rest, unitAmount: 10 ** quantity.scale };
}

export function customizeForWhop(doc: Invoice): Invoice {
  const out: Invoice = { ...doc, customer: { ...doc.customer } };
  if (out.customer.id === undefined) {
    out.customer.email ??= 'conformance@example.com';
    out.customer.name ??= 'Conformance Customer';
  }
  out.lines = doc.lines.map((line, i) =>
    wholeLine(line.description ? line : { ...line, description: `Line ${i + 1}` }),
  );
  const method = doc.collection?.method ?? 'send_invoice';
  if (method === 'send_invoice' && out.dueAt === undefined) out.dueAt = '2030-01-01T00:00:00.000Z';
  if (method === 'charge_automatically' && out.collection && out.collection.paymentMethodId === undefined) {
    out.collection = { ...out.collection, paymentMethodId: 'pmt_xxxxxxxxxxxxxx' };
  }
  return out;
}
