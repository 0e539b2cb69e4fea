/**
 * The field names of each canonical object schema, written out. test/schema-keys.test.ts checks each list
 * against its schema; the readers' switches (src/model/fast-*.ts) list the same names, and the property
 * tests add every one of these names to every object of a document, so a switch that took another
 * schema's field would be caught there.
 */
export const RECURRENCE_KEYS: ReadonlySet<string> = new Set(['interval', 'count']);
export const TAX_KEYS: ReadonlySet<string> = new Set([
  'type',
  'name',
  'ratePercent',
  'amount',
  'country',
  'state',
  'inclusive',
]);
export const PRODUCT_REFERENCE_KEYS: ReadonlySet<string> = new Set(['id', 'externalId', 'name']);
export const PERIOD_KEYS: ReadonlySet<string> = new Set(['start', 'end']);
export const ADDRESS_KEYS: ReadonlySet<string> = new Set([
  'name',
  'line1',
  'line2',
  'line3',
  'city',
  'state',
  'postalCode',
  'country',
]);
export const CUSTOMER_KEYS: ReadonlySet<string> = new Set([
  'id',
  'externalId',
  'email',
  'name',
  'phone',
  'billingAddress',
  'shippingAddress',
]);
export const PAYMENT_TERMS_KEYS: ReadonlySet<string> = new Set(['name', 'days']);
export const LINE_KEYS: ReadonlySet<string> = new Set([
  'description',
  'quantity',
  'unitAmount',
  'unitAmountDecimal',
  'amount',
  'kind',
  'product',
  'priceId',
  'period',
  'recurrence',
  'tax',
  'metadata',
]);
export const COLLECTION_KEYS: ReadonlySet<string> = new Set([
  'method',
  'paymentMethodId',
  'autoSend',
  'finalizeAt',
]);
export const SUBSCRIPTION_REFERENCE_KEYS: ReadonlySet<string> = new Set(['id', 'externalId']);
export const INVOICE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'provider',
  'externalId',
  'number',
  'status',
  'providerStatus',
  'currency',
  'customer',
  'issuedAt',
  'dueAt',
  'period',
  'collection',
  'lines',
  'total',
  'tax',
  'subscription',
  'billingReason',
  'recurrence',
  'paymentTerms',
  'purchaseOrder',
  'memo',
  'footer',
  'metadata',
  'imported',
  'createdAt',
  'updatedAt',
  'providerOptions',
]);
export const TIER_KEYS: ReadonlySet<string> = new Set(['upTo', 'unitAmountDecimal', 'flatAmount']);
export const CHARGE_KEYS: ReadonlySet<string> = new Set([
  'name',
  'type',
  'quantity',
  'unitAmount',
  'unitAmountDecimal',
  'recurrence',
  'billingTiming',
  'pricingModel',
  'tiers',
  'eventName',
]);
export const ORDER_LINE_KEYS: ReadonlySet<string> = new Set([
  'product',
  'name',
  'description',
  'startAt',
  'endAt',
  'charges',
]);
export const ORDER_KEYS: ReadonlySet<string> = new Set([
  'id',
  'provider',
  'externalId',
  'number',
  'name',
  'status',
  'currency',
  'customer',
  'billingCustomer',
  'startAt',
  'endAt',
  'termCount',
  'billingAnchorDay',
  'billingFrequency',
  'paymentTerms',
  'purchaseOrder',
  'metadata',
  'providerOptions',
  'autoPostInvoices',
  'autoSendBillingEmails',
  'autoSendPaymentEmails',
  'total',
  'createdAt',
  'updatedAt',
  'lines',
]);
