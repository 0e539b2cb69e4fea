/**
 * Account-specific references ChargeOver requires and the canonical document does not carry as such:
 * currency ids, item ids, and the option checks shared by both mapping directions.
 */
import {
  type AmountConvention,
  type Invoice,
  isCurrencyCode,
  isTimeZone,
  type Line,
  MissingRequiredFieldError,
  ValidationError,
} from '@billbridge/core';
import { chargeoverAmounts } from './amounts';
import { type SlotTable, slotTable } from './custom-fields';
import {
  type ChargeOverOptions,
  DEFAULT_TIME_ZONE,
  INVOICE_CUSTOM_SLOTS,
  LINE_CUSTOM_SLOTS,
} from './options';

const PROVIDER = 'chargeover';
const POSITIVE_INTEGER = /^[1-9]\d*$/;

export interface ResolvedOptions {
  timeZone: string;
  /** The amount convention with the account's rounding (chargeoverAmounts). */
  amounts: AmountConvention;
  invoiceSlots: SlotTable;
  lineSlots: SlotTable;
  /** The `currencyIds` table these were resolved with, and its id → code reverse (see currencyForId). */
  currencyTable: Readonly<Record<string, number>> | undefined;
  currencyById: ReadonlyMap<number, string> | undefined;
}

/** Checks the options that would otherwise fail deep inside a mapping. */
const resolved = new WeakMap<ChargeOverOptions, ResolvedOptions>();

/** Validated once per options object: a client maps every invoice with the same options. */
export function resolveOptions(options: ChargeOverOptions = {}): ResolvedOptions {
  let out = resolved.get(options);
  if (!out) {
    out = validateOptions(options);
    resolved.set(options, out);
  }
  return out;
}

function validateOptions(options: ChargeOverOptions): ResolvedOptions {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new ValidationError('ChargeOver options', [
      { path: 'timeZone', code: 'invalid_value', message: `"${timeZone}" is not an IANA time zone.` },
    ]);
  }
  if (options.baseCurrency !== undefined && !isCurrencyCode(options.baseCurrency)) {
    throw new ValidationError('ChargeOver options', [
      {
        path: 'baseCurrency',
        code: 'invalid_value',
        message: `"${options.baseCurrency}" is not an ISO 4217 code.`,
      },
    ]);
  }
  for (const [code, id] of Object.entries(options.currencyIds ?? {})) {
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new ValidationError('ChargeOver options', [
        {
          path: `currencyIds.${code}`,
          code: 'invalid_value',
          message: 'A currency_id is a positive integer.',
        },
      ]);
    }
  }
  for (const [code, digits] of Object.entries(options.currencyRounding ?? {})) {
    if (!Number.isInteger(digits) || digits < 0 || digits > 8) {
      throw new ValidationError('ChargeOver options', [
        {
          path: `currencyRounding.${code}`,
          code: 'invalid_value',
          message: 'A rounding is a whole number of decimals from 0 to 8.',
        },
      ]);
    }
  }
  return {
    timeZone,
    currencyTable: options.currencyIds,
    currencyById: options.currencyIds && reverseTable(options.currencyIds),
    amounts: chargeoverAmounts(options.currencyRounding),
    invoiceSlots: slotTable(options.customFields?.invoice, INVOICE_CUSTOM_SLOTS, 'customFields.invoice'),
    lineSlots: slotTable(options.customFields?.line, LINE_CUSTOM_SLOTS, 'customFields.line'),
  };
}

/**
 * ISO code → the account's `currency_id`, or undefined for the base currency (ChargeOver's default); an
 * unknown currency names the option that supplies it.
 */
export function currencyIdFor(currency: string, options: ChargeOverOptions): number | undefined {
  const table = options.currencyIds;
  const id = table && Object.hasOwn(table, currency) ? table[currency] : undefined;
  if (id === undefined && currency === options.baseCurrency) return undefined;
  if (id === undefined) {
    const known = table ? Object.keys(table).join(', ') || 'none' : 'no table given';
    throw new MissingRequiredFieldError(
      PROVIDER,
      'currency',
      `ChargeOver selects the currency by the account's numeric currency_id, and no id is configured for ${currency} (configured: ${known}).`,
      'currencyIds',
    );
  }
  return id;
}

/** `currency_id` → ISO code, through the same table. */
export function currencyForId(id: number, options: ChargeOverOptions): string | undefined {
  const table = options.currencyIds;
  if (!table) return undefined;
  return reverseTable(table).get(id);
}

/** currencyForId with the options already resolved: their reverse table, unless the table was since replaced. */
export function resolvedCurrencyForId(
  id: number,
  options: ChargeOverOptions,
  resolved: ResolvedOptions,
): string | undefined {
  if (resolved.currencyTable !== options.currencyIds) return currencyForId(id, options);
  return resolved.currencyById?.get(id);
}

function reverseTable(table: Readonly<Record<string, number>>): Map<number, string> {
  let byId = reverseTables.get(table);
  if (!byId) {
    byId = new Map();
    // The first code listed for an id wins, as a scan of the table would find it.
    for (const [code, value] of Object.entries(table)) if (!byId.has(value)) byId.set(value, code);
    reverseTables.set(table, byId);
  }
  return byId;
}

/** id → code per currency table, built once: scanning ~180 entries on every read was the top self time. */
const reverseTables = new WeakMap<Record<string, number>, Map<number, string>>();

/** The line's `item_id`: a numeric product.id, else `itemIds` by externalId or name, else `resolveItemId`. */
export function itemIdFor(line: Line, index: number, options: ChargeOverOptions): number {
  const product = line.product;
  if (
    product?.id !== undefined &&
    POSITIVE_INTEGER.test(product.id) &&
    Number.isSafeInteger(Number(product.id))
  ) {
    return Number(product.id);
  }
  const table = options.itemIds ?? {};
  for (const key of [product?.externalId, product?.name]) {
    if (key !== undefined && Object.hasOwn(table, key)) return checkedItemId(table[key], index);
  }
  const resolved = options.resolveItemId?.(product, line, index);
  if (resolved !== undefined) return checkedItemId(resolved, index);
  const what =
    product?.id !== undefined
      ? `product.id "${product.id}" is not a ChargeOver item id (a positive integer)`
      : 'the line has no product.id';
  const keys = [product?.externalId, product?.name].filter((k) => k !== undefined).map((k) => `"${k}"`);
  throw new MissingRequiredFieldError(
    PROVIDER,
    `lines[${index}].product.id`,
    `ChargeOver needs an existing item_id on every line; ${what}${keys.length ? ` and itemIds has no entry for ${keys.join(' or ')}` : ''}. Map the product with itemIds (by product externalId or name) or resolveItemId.`,
    'itemIds',
  );
}

function checkedItemId(id: number | undefined, index: number): number {
  if (id === undefined || !Number.isSafeInteger(id) || id <= 0) {
    throw new ValidationError('ChargeOver options', [
      {
        path: `lines[${index}].product`,
        code: 'invalid_value',
        message: `item id ${id} is not a positive integer.`,
      },
    ]);
  }
  return id;
}

/** `customer.id` → a ChargeOver customer reference; `token:<token>` is ChargeOver's own token form. */
export function customerReference(
  customer: Invoice['customer'],
): { customer_id: number } | { customer_token: string } | { customer_external_key: string } {
  const id = customer.id;
  if (id !== undefined) {
    if (id.startsWith('token:') && id.length > 6) return { customer_token: id.slice(6) };
    if (POSITIVE_INTEGER.test(id) && Number.isSafeInteger(Number(id))) return { customer_id: Number(id) };
    throw new ValidationError('Invoice for ChargeOver', [
      {
        path: 'customer.id',
        code: 'invalid_value',
        message: `ChargeOver customer ids are positive integers (or token:<customer token>), got "${id}"; put another system's id in customer.externalId.`,
      },
    ]);
  }
  if (customer.externalId !== undefined) return { customer_external_key: customer.externalId };
  throw new MissingRequiredFieldError(
    PROVIDER,
    'customer.id',
    'ChargeOver invoices an existing customer: give customer.id (customer_id or token:<token>) or customer.externalId (customer_external_key); an email alone cannot identify one.',
  );
}
