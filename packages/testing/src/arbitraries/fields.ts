import {
  type Capabilities,
  type FieldSupport,
  INVOICE_CAPABILITY_FIELDS,
  ORDER_CAPABILITY_FIELDS,
} from '@billbridge/core';

export type DatePrecision = 'ms' | 'second' | 'day';

/** Options shared by `invoiceArbitrary` and `orderArbitrary`. */
export interface DocumentArbitraryOptions<T> {
  /**
   * Restrict generation to the fields this declaration supports (plus what the model requires). Without
   * it (and without `fields`), every field may appear.
   */
  capabilities?: Capabilities;
  /** Which declared levels count as "generate this field" (default `['supported']`). */
  levels?: readonly FieldSupport[];
  /** Explicit capability keys to generate; overrides `capabilities`. */
  fields?: readonly string[];
  /** Currencies to draw from (default: every code in CURRENCY_CODES). */
  currencies?: readonly string[];
  /** Most lines per document (default 12; at least one line is always generated). */
  maxLines?: number;
  /** Precision of generated instants (default: inferred from `capabilities.dateForm`, else ms). */
  datePrecision?: DatePrecision;
  /** `string` restricts metadata values to strings, for providers whose metadata holds only text. */
  metadataValues?: 'json' | 'string';
  /** Last step: add what the provider requires (a product id per line, a known customer…). */
  customize?: (doc: T) => T;
}

/** The capability keys a generator may fill, for one document kind. */
export function selectedFields(
  kind: 'invoice' | 'order',
  options: Pick<DocumentArbitraryOptions<unknown>, 'capabilities' | 'levels' | 'fields'>,
): ReadonlySet<string> {
  if (options.fields) return new Set(options.fields);
  const all = kind === 'invoice' ? INVOICE_CAPABILITY_FIELDS : ORDER_CAPABILITY_FIELDS;
  if (!options.capabilities) return new Set(all);
  const levels = new Set<FieldSupport>(options.levels ?? ['supported']);
  const declared = options.capabilities[kind] as Record<string, FieldSupport>;
  return new Set(all.filter((field) => levels.has(declared[field] ?? 'unsupported')));
}

/** Instant precision that survives the provider's date form: day for date-only forms, seconds for epoch seconds. */
export function inferDatePrecision(
  options: Pick<DocumentArbitraryOptions<unknown>, 'capabilities' | 'datePrecision'>,
): DatePrecision {
  if (options.datePrecision) return options.datePrecision;
  const form = options.capabilities?.dateForm;
  if (!form) return 'ms';
  if (/\bms\b|milli/i.test(form)) return 'ms';
  if (/iso|8601|date-time/i.test(form)) return 'ms';
  if (/HH|second|epoch/i.test(form)) return 'second';
  if (/YYYY-MM-DD|date/i.test(form)) return 'day';
  return 'second';
}
