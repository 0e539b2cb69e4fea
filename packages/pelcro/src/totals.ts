/**
 * How Pelcro turns line items into a total, under the card's readings (unit_price in minor units,
 * tax_rate a percentage): each line is quantity × unit price rounded half away from zero, each line tax
 * is that amount × rate / 100 rounded the same way, added on top. Exact decimals, never floats; the
 * adapter's int32 check and the fake's stored totals both use this.
 */
import {
  decimalToSafeInteger,
  multiplyDecimal,
  roundDecimal,
  shiftDecimal,
  sumMinor,
  toDecimal,
} from '@billbridge/core';

export interface PricedItem {
  unit_price: number;
  quantity: number;
  tax_rate?: number | null | undefined;
}

export function itemAmount(item: PricedItem): number {
  // Whole unit price × whole quantity: a double product within the safe range is the exact product and
  // needs no rounding (a larger one reaches 2^53 and takes the exact path, as core's line amounts do).
  const { unit_price: unit, quantity } = item;
  if (Number.isSafeInteger(unit) && Number.isSafeInteger(quantity)) {
    const product = unit * quantity;
    if (Number.isSafeInteger(product)) return product === 0 ? 0 : product; // no -0
  }
  return decimalToSafeInteger(
    roundDecimal(multiplyDecimal(toDecimal(item.unit_price), toDecimal(item.quantity)), 0),
  );
}

export function itemTax(item: PricedItem): number {
  if (item.tax_rate === undefined || item.tax_rate === null) return 0;
  const tax = shiftDecimal(multiplyDecimal(toDecimal(itemAmount(item)), toDecimal(item.tax_rate)), -2);
  return decimalToSafeInteger(roundDecimal(tax, 0));
}

export function itemsTotal(items: readonly PricedItem[]): { subtotal: number; tax: number; total: number } {
  // One pass while every partial sum is a safe integer (then plain addition is exact, as in sumMinor);
  // otherwise sumMinor's exact path decides, and throws, as it always has.
  // Amounts first, then taxes, as the exact path computes them (so the same item throws first).
  let subtotal = 0;
  for (let i = 0; i < items.length; i++) {
    subtotal += itemAmount(items[i] as PricedItem);
    if (!Number.isSafeInteger(subtotal)) return exactItemsTotal(items);
  }
  let tax = 0;
  for (let i = 0; i < items.length; i++) {
    tax += itemTax(items[i] as PricedItem);
    if (!Number.isSafeInteger(tax)) return exactItemsTotal(items);
  }
  const total = subtotal + tax;
  if (!Number.isSafeInteger(total)) return exactItemsTotal(items);
  return { subtotal: subtotal + 0, tax: tax + 0, total: total + 0 };
}

/** The same totals through sumMinor's exact path (the reference the shortcut above is tested against). */
export function exactItemsTotal(items: readonly PricedItem[]): {
  subtotal: number;
  tax: number;
  total: number;
} {
  const subtotal = sumMinor(items.map(itemAmount));
  const tax = sumMinor(items.map(itemTax));
  return { subtotal, tax, total: sumMinor([subtotal, tax]) };
}
