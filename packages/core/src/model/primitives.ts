import { z } from 'zod';
import { isInstant, normalizeInstant } from '../dates/instant';
import { CURRENCY_CODES } from '../money/currencies';
import { DECIMAL_PATTERN } from '../money/decimal';

/** ISO 8601 instant with a zone; normalised to UTC (`2026-01-05T00:00:00.000Z`) on output. */
export const Instant = z
  .string()
  .refine(isInstant, {
    message: 'Expected an ISO 8601 instant with a zone, e.g. 2026-01-05T00:00:00Z (a real calendar date).',
  })
  .overwrite((value) => (isInstant(value) ? normalizeInstant(value) : value));

export const CurrencyCode = z.enum(CURRENCY_CODES as [string, ...string[]], {
  error: (issue) =>
    `Unknown currency ${JSON.stringify(issue.input)}: use an active ISO 4217 code in upper case, such as USD or JPY.`,
});

/** A safe integer amount in the ISO 4217 minor unit of the document's currency. */
export const MinorAmount = z.int({
  error: (issue) =>
    typeof issue.input === 'number'
      ? `Expected a whole number of minor units (e.g. 1234 for 12.34 USD), got ${issue.input}; use unitAmountDecimal for finer unit prices.`
      : 'Expected a whole number of minor units (e.g. 1234 for 12.34 USD).',
});

export const Decimal = z.string().regex(DECIMAL_PATTERN, {
  message: 'Expected a decimal string such as "12.5" (digits, an optional "-" and one optional ".").',
});

/** Quantities may be fractional (ChargeOver, Whop): a non-negative decimal string or finite number. */
export const Quantity = z.union([
  Decimal.refine((value) => !value.startsWith('-'), { message: 'Quantity must be zero or more.' }),
  z.number().finite().nonnegative({ message: 'Quantity must be zero or more.' }),
]);

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, {
  message: 'Expected an ISO 3166-1 alpha-2 country code in upper case, such as US.',
});

export const MetadataValue = z.union([z.string(), z.number().finite(), z.boolean(), z.null()]);

/**
 * Free key/values. Keys such as `__proto__` and `constructor` are ordinary keys: zod's record would drop
 * `__proto__`, so the parsed copy is built with defineProperty and no key can reach a prototype.
 */
export const Metadata = z
  .custom<Record<string, string | number | boolean | null>>(
    (value) =>
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).every((item) => MetadataValue.safeParse(item).success),
    { message: 'Expected an object whose values are strings, finite numbers, booleans or null.' },
  )
  .overwrite(copyOwnKeys)
  .meta({ id: 'Metadata' });

/** A plain-object copy that keeps every own key, `__proto__` included, as data. */
export function copyOwnKeys<T extends object>(value: T): T {
  const out = {} as T;
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export const Recurrence = z.strictObject({
  interval: z.enum(['day', 'week', 'month', 'year']),
  count: z.int().min(1),
});

export const Period = z
  .strictObject({ start: Instant, end: Instant })
  .refine((p) => p.end >= p.start, { message: 'period.end must not be before period.start.', path: ['end'] });

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

export const Tax = z.strictObject({
  type: z.enum(TAX_TYPES).optional(),
  name: z.string().optional(),
  ratePercent: Decimal.optional(),
  amount: MinorAmount.optional(),
  country: CountryCode.optional(),
  state: z.string().optional(),
  inclusive: z.boolean().optional(),
});

export const ProductReference = z.strictObject({
  id: z.string().optional(),
  externalId: z.string().optional(),
  name: z.string().optional(),
});

export const ProviderOptions = z.record(z.string(), z.record(z.string(), z.unknown()));

export type Recurrence = z.output<typeof Recurrence>;
export type Tax = z.output<typeof Tax>;
export type Metadata = z.output<typeof Metadata>;
export type ProductReference = z.output<typeof ProductReference>;
