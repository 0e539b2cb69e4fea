/**
 * The fake's validation of `POST /api/v1/core/invoices`, written the way Pelcro's Laravel backend reports
 * it: every failing field at once, keyed like `line_items.0.unit_price`, Laravel-style messages. Kept
 * apart from wire.ts on purpose, so the fake checks the adapter instead of sharing its code.
 */
import { type ImportedFlagName, INT32_MAX, INT32_MIN, READINGS } from './options';

export type FieldErrors = Record<string, string[]>;

const STATUSES = ['draft', 'open', 'paid', 'uncollectible', 'void'];
const REASONS = [
  'manual',
  'subscription_create',
  'subscription_cycle',
  'subscription_update',
  'order_create',
];
const ADDRESS_FIELDS = [
  'first_name',
  'last_name',
  'line1',
  'line2',
  'city',
  'state',
  'country',
  'postal_code',
  'phone',
  'company',
];

function human(field: string): string {
  return field.replace(/_/g, ' ');
}

class Errors {
  readonly map: FieldErrors = {};
  add(field: string, message: string): void {
    const list = this.map[field] ?? [];
    list.push(message);
    this.map[field] = list;
  }
  get empty(): boolean {
    return Object.keys(this.map).length === 0;
  }
}

function present(value: unknown): boolean {
  return (
    value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
  );
}

function checkInt32(errors: Errors, field: string, value: unknown, min = INT32_MIN): void {
  if (typeof value !== 'number' || !Number.isInteger(value))
    errors.add(field, `The ${human(field)} must be an integer.`);
  else if (value < min || value > INT32_MAX) {
    errors.add(field, `The ${human(field)} must be between ${min} and ${INT32_MAX}.`);
  }
}

function checkString(errors: Errors, field: string, value: unknown): void {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    errors.add(field, `The ${human(field)} must be a string.`);
  }
}

export interface CreateRuleOptions {
  /** The lower-case currencies the site accepts. */
  currencies: ReadonlySet<string>;
  /** The name the fake reads the imported flag under (the unconfirmed reading, switchable). */
  importedFlag?: ImportedFlagName;
}

/** Structural and conditional rules; returns Laravel's field → messages map (empty when valid). */
export function validateCreateBody(body: Record<string, unknown>, options: CreateRuleOptions): FieldErrors {
  const { currencies } = options;
  const errors = new Errors();
  const { currency } = body;
  if (!present(currency)) errors.add('currency', 'The currency field is required.');
  else if (typeof currency !== 'string' || !/^[a-z]{3}$/.test(currency)) {
    errors.add('currency', 'The currency must be a lower-case three-letter ISO 4217 code.');
  } else if (!currencies.has(currency)) errors.add('currency', 'The selected currency is invalid.');

  const items = body.line_items;
  if (!present(items) && !present(body.total)) {
    errors.add('total', 'The total field is required when line items is not present.');
  }
  if (present(items)) {
    if (!Array.isArray(items)) errors.add('line_items', 'The line items must be an array.');
    else {
      for (const [i, item] of items.entries()) checkLineItem(errors, `line_items.${i}`, item);
    }
  }
  if (present(body.total)) checkInt32(errors, 'total', body.total);

  if (!present(body.customer_id) && !present(body.customer_old_provider_id)) {
    errors.add(
      'customer_id',
      'The customer id field is required when customer old provider id is not present.',
    );
  }
  for (const field of ['customer_id', 'subscription_id', 'billing_address_id', 'shipping_address_id']) {
    if (present(body[field])) checkInt32(errors, field, body[field], 1);
  }
  for (const field of [
    'customer_old_provider_id',
    'subscription_old_provider_id',
    'old_provider_id',
    'footer',
    'purchase_order',
  ]) {
    checkString(errors, field, body[field]);
  }
  const shipments = READINGS.shipmentsOverride;
  if (present(body[shipments])) {
    checkInt32(errors, shipments, body[shipments], 0);
  }

  checkDates(errors, body);
  if (present(body.status) && !STATUSES.includes(body.status as string))
    errors.add('status', 'The selected status is invalid.');
  if (present(body.billing_reason) && !REASONS.includes(body.billing_reason as string)) {
    errors.add('billing_reason', 'The selected billing reason is invalid.');
  }
  for (const field of ['customer_address', 'customer_shipping']) checkAddress(errors, field, body[field]);
  const imported = options.importedFlag ?? READINGS.importedFlag;
  if (body[imported] !== undefined && typeof body[imported] !== 'boolean') {
    errors.add(imported, `The ${human(imported)} field must be true or false.`);
  }
  checkMetadata(errors, body.metadata);
  return errors.map;
}

function checkLineItem(errors: Errors, prefix: string, item: unknown): void {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    errors.add(prefix, 'Each line item must be an object.');
    return;
  }
  const line = item as Record<string, unknown>;
  checkString(errors, `${prefix}.description`, line.description);
  // "create bills": unit_price must be >= 0, quantity must be > 0; Stripe-shaped invoices count whole units
  // of whole minor units (amounts.ts).
  if (line.unit_price === undefined || line.unit_price === null || line.unit_price === '')
    errors.add(`${prefix}.unit_price`, 'The unit price field is required when line items is present.');
  else checkInt32(errors, `${prefix}.unit_price`, line.unit_price, 0);
  if (!present(line.quantity))
    errors.add(`${prefix}.quantity`, 'The quantity field is required when line items is present.');
  else checkInt32(errors, `${prefix}.quantity`, line.quantity, 1);
  const hasName = present(line.tax_name);
  const hasRate = present(line.tax_rate);
  if (hasName && !hasRate)
    errors.add(`${prefix}.tax_rate`, 'The tax rate field is required when tax name is present.');
  if (hasRate && !hasName)
    errors.add(`${prefix}.tax_name`, 'The tax name field is required when tax rate is present.');
  checkString(errors, `${prefix}.tax_name`, line.tax_name);
  if (
    hasRate &&
    (typeof line.tax_rate !== 'number' || !Number.isFinite(line.tax_rate) || line.tax_rate < 0)
  ) {
    errors.add(`${prefix}.tax_rate`, 'The tax rate must be a number of at least 0.');
  }
}

function checkDates(errors: Errors, body: Record<string, unknown>): void {
  const fields = ['period_start', 'period_end', 'due_date'] as const;
  const valid: Partial<Record<(typeof fields)[number], number>> = {};
  for (const field of fields) {
    const value = body[field];
    if (!present(value)) continue;
    // int32 epoch seconds, like every Pelcro integer: nothing past 2038-01-19T03:14:07Z.
    if (typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX)
      valid[field] = value;
    else errors.add(field, `The ${human(field)} must be a valid Unix timestamp in seconds.`);
  }
  const start = valid.period_start;
  if (start === undefined) return;
  if (valid.period_end !== undefined && valid.period_end < start) {
    errors.add('period_end', 'The period end must be a date after or equal to period start.');
  }
  if (valid.due_date !== undefined && valid.due_date < start) {
    errors.add('due_date', 'The due date must be a date after or equal to period start.');
  }
}

function checkAddress(errors: Errors, field: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.add(field, `The ${human(field)} must be an object.`);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!ADDRESS_FIELDS.includes(key)) continue;
    checkString(errors, `${field}.${key}`, item);
    if (key === 'country' && typeof item === 'string' && item.length !== 2) {
      errors.add(`${field}.country`, 'The country must be 2 characters.');
    }
  }
}

function checkMetadata(errors: Errors, value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    errors.add('metadata', 'The metadata must be an object.');
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && typeof item === 'object')
      errors.add(`metadata.${key}`, 'Metadata values must be flat.');
  }
}
