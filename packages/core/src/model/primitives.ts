import type { z } from 'zod';
import { readInstant } from '../dates/instant';
import { excerpt } from '../errors/excerpt';
import { CURRENCY_CODES } from '../money/currencies';
import { DECIMAL_PATTERN } from '../money/decimal';
import { lazySchema } from '../schema/lazy';
import { isBoundedDecimalText, MAX_DECIMAL_LENGTH, MAX_SAFE } from './bounds';

export const RECURRENCE_INTERVALS = ['day', 'week', 'month', 'year'] as const;

/** ISO 8601 instant with a zone; normalised to UTC (`2026-01-05T00:00:00.000Z`) on output. */
export const Instant = lazySchema((z) =>
  z
    .string()
    .refine((value) => readInstant(value) !== undefined, {
      message: 'Expected an ISO 8601 instant with a zone, e.g. 2026-01-05T00:00:00Z (a real calendar date).',
    })
    .overwrite((value) => readInstant(value) ?? value),
);

export const CurrencyCode = lazySchema((z) =>
  z.enum(CURRENCY_CODES as [string, ...string[]], {
    error: (issue) =>
      `Unknown currency ${excerpt(issue.input)}: use an active ISO 4217 code in upper case, such as USD or JPY.`,
  }),
);

const SAFE_RANGE = `the safe-integer range (±${MAX_SAFE}), where every amount is exact`;

/** A safe integer amount in the ISO 4217 minor unit of the document's currency. */
export const MinorAmount = lazySchema((z) =>
  z.int({
    error: (issue) => {
      const input = issue.input;
      if (typeof input !== 'number')
        return 'Expected a whole number of minor units (e.g. 1234 for 12.34 USD).';
      if (Number.isInteger(input) || !Number.isFinite(input))
        return `${excerpt(input)} is outside ${SAFE_RANGE}.`;
      return `Expected a whole number of minor units (e.g. 1234 for 12.34 USD), got ${excerpt(input)}; use unitAmountDecimal for finer unit prices.`;
    },
  }),
);

export const Decimal = lazySchema((z) =>
  z
    .string()
    .regex(DECIMAL_PATTERN, {
      message: 'Expected a decimal string such as "12.5" (digits, an optional "-" and one optional ".").',
    })
    .refine(isBoundedDecimalText, {
      message: `Expected at most ${MAX_DECIMAL_LENGTH} characters, with a whole part within ${SAFE_RANGE}.`,
      abort: true,
    }),
);

/** A decimal string (already matching DECIMAL_PATTERN) that is zero or more. */
export function isNonNegativeDecimalText(value: string): boolean {
  return !value.startsWith('-');
}

/** Quantities may be fractional (ChargeOver, Whop): a non-negative decimal string or finite number. */
export const Quantity = lazySchema((z) =>
  z.union([
    Decimal.refine(isNonNegativeDecimalText, { message: 'Quantity must be zero or more.' }),
    z
      .number()
      .finite()
      .nonnegative({ message: 'Quantity must be zero or more.' })
      .max(MAX_SAFE, { message: `Quantity must be within ${SAFE_RANGE}.` }),
  ]),
);

/** ISO 3166-1 alpha-2 in upper case (the CountryCode schema and the fast parse path share it). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

export const CountryCode = lazySchema((z) =>
  z.string().regex(COUNTRY_CODE_PATTERN, {
    message: 'Expected an ISO 3166-1 alpha-2 country code in upper case, such as US.',
  }),
);

export const MetadataValue = lazySchema((z) =>
  z.union([z.string(), z.number().finite(), z.boolean(), z.null()]),
);

/** The rule of MetadataValue as a plain predicate (the Metadata check and the fast parse path share it). */
export function isMetadataValue(item: unknown): item is string | number | boolean | null {
  return (
    item === null ||
    typeof item === 'string' ||
    typeof item === 'boolean' ||
    (typeof item === 'number' && Number.isFinite(item))
  );
}

/** A non-array object whose own enumerable values are all metadata values. */
export function isMetadata(value: unknown): value is Record<string, string | number | boolean | null> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const key of Object.keys(value)) {
    if (!isMetadataValue((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Free key/values. Keys such as `__proto__` and `constructor` are ordinary keys: zod's record would drop
 * `__proto__`, so the parsed copy is built by copyOwnKeys and no key can reach a prototype.
 */
export const Metadata = lazySchema((z) =>
  z
    .custom<Record<string, string | number | boolean | null>>(isMetadata, {
      message: 'Expected an object whose values are strings, finite numbers, booleans or null.',
    })
    .overwrite(copyOwnKeys)
    .meta({ id: 'Metadata' }),
);

/** A plain-object copy that keeps every own key, `__proto__` included, as data. */
export function copyOwnKeys<T extends object>(value: T): T {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // Plain assignment makes the same data property, except for `__proto__`, where it would set the prototype.
    if (key === '__proto__') {
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    } else {
      out[key] = item;
    }
  }
  return out as T;
}

export const Recurrence = lazySchema((z) =>
  z.strictObject({
    /** Unit of the cycle: `day`, `week`, `month` or `year`. */
    interval: z.enum(RECURRENCE_INTERVALS),
    /** Units per cycle (integer ≥ 1): every 2 weeks is `{ interval: "week", count: 2 }`. */
    count: z.int().min(1),
  }),
);

/** Two normalised instants in order (end ≥ start): periods, and an order's startAt/endAt. */
export function instantsInOrder(start: string, end: string): boolean {
  return end >= start;
}

export const Period = lazySchema((z) =>
  z.strictObject({ start: Instant, end: Instant }).refine((p) => instantsInOrder(p.start, p.end), {
    message: 'period.end must not be before period.start.',
    path: ['end'],
  }),
);

export const TAX_TYPES = [
  'vat',
  'gst',
  'hst',
  'pst',
  'qst',
  'rst',
  'igst',
  'jct',
  'sales_tax',
  'lease_tax',
  'amusement_tax',
  'communications_tax',
  'none',
] as const;

export const Tax = lazySchema((z) =>
  z.strictObject({
    /** Kind of tax (`vat`, `gst`, `sales_tax`, …; `none` for exempt). */
    type: z.enum(TAX_TYPES).optional(),
    /** Label, e.g. "GST". */
    name: z.string().optional(),
    /** Rate in percent as a decimal string: `"13"` is 13 %, `"7.5"` is 7.5 %. */
    ratePercent: Decimal.optional(),
    /** Tax amount in minor units of the document currency (integer; 1234 = 12.34 USD, 1500 = ¥1500). */
    amount: MinorAmount.optional(),
    /** ISO 3166-1 alpha-2 country the tax belongs to. */
    country: CountryCode.optional(),
    /** State or province the tax belongs to. */
    state: z.string().optional(),
    /** The prices already include this tax. */
    inclusive: z.boolean().optional(),
  }),
);

export const ProductReference = lazySchema((z) =>
  z.strictObject({
    /** The target provider's product id. */
    id: z.string().optional(),
    /** The product's id in another system (e.g. your SKU). */
    externalId: z.string().optional(),
    /** Product name. */
    name: z.string().optional(),
  }),
);

export const ProviderOptions = lazySchema((z) => z.record(z.string(), z.record(z.string(), z.unknown())));

/** A billing cycle: every `count` `interval`s. */
export type Recurrence = z.output<typeof Recurrence>;
/** A tax on an invoice or a line. */
export type Tax = z.output<typeof Tax>;
/** Free key/values: strings, finite numbers, booleans or null. */
export type Metadata = z.output<typeof Metadata>;
/** A product, by the provider's id, your own id, or its name. */
export type ProductReference = z.output<typeof ProductReference>;
