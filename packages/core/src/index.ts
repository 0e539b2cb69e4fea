// Canonical model

// Dates
export {
  epochMsToInstant,
  epochSecondsToInstant,
  instantToEpochMs,
  instantToEpochSeconds,
  instantToEpochSecondsFloor,
  isInstant,
  normalizeInstant,
} from './dates/instant';
export { addRecurrence, type RecurrenceLike } from './dates/recurrence';
export {
  dateOnlyToInstant,
  instantToDateOnly,
  instantToNaive,
  isTimeZone,
  naiveToInstant,
} from './dates/zoned';
// Errors
export { BillbridgeError, type BillbridgeErrorOptions } from './errors/billbridge-error';
export { type IntegrityDifference, IntegrityError } from './errors/integrity-error';
export {
  AmountRangeError,
  LossyMappingError,
  MissingRequiredFieldError,
  ValidationError,
  type ValidationIssue,
} from './errors/mapping-errors';
export {
  type AmbiguousRequest,
  AmbiguousResultError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  errorFromStatus,
  type FieldIssue,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderError,
  type ProviderErrorInput,
  ProviderServerError,
  RateLimitError,
  TimeoutError,
} from './errors/provider-errors';
export { redactDeep, redactSecrets, registerSecret } from './errors/secrets';
export { Address, Customer } from './model/customer';
export {
  BILLING_REASONS,
  type BillingReason,
  Collection,
  INVOICE_STATUSES,
  Invoice,
  type InvoiceInput,
  type InvoiceStatus,
  PaymentTerms,
  SubscriptionReference,
} from './model/invoice';
export { invoiceJsonSchema, orderJsonSchema } from './model/json-schema';
export { LINE_KINDS, Line, type LineInput } from './model/line';
export {
  CHARGE_TYPES,
  Charge,
  type ChargeType,
  Order,
  type OrderInput,
  OrderLine,
  PRICING_MODELS,
  Tier,
} from './model/order';
export {
  invoiceToOrder,
  invoiceToOrderInto,
  orderToInvoice,
  orderToInvoiceInto,
} from './model/order-invoice';
export {
  type CanonicalDocument,
  documentKind,
  formatPath,
  issuesFromZod,
  parseDocument,
  parseInvoice,
  parseOrder,
  parseWith,
} from './model/parse';
export {
  CountryCode,
  CurrencyCode,
  copyOwnKeys,
  Decimal,
  Instant,
  Metadata,
  MinorAmount,
  Period,
  ProductReference,
  ProviderOptions,
  Quantity,
  Recurrence,
  TAX_TYPES,
  Tax,
} from './model/primitives';
export {
  type AmountContext,
  type AmountConvention,
  AmountPrecisionError,
  type ConventionKind,
  isoMinorUnits,
  type MajorUnitsOptions,
  majorUnits,
  STRIPE_ZERO_DECIMAL_CURRENCIES,
  stripeMinorUnits,
} from './money/conventions';
export {
  majorToMinor,
  majorToMinorDecimal,
  minorDecimalToMajorString,
  minorToMajorNumber,
  minorToMajorString,
} from './money/convert';
export type { CurrencyCode as CurrencyCodeString } from './money/currencies';
// Money
export { CURRENCY_CODES, isCurrencyCode, minorUnitExponent } from './money/currencies';
export {
  addDecimal,
  compareDecimal,
  DECIMAL_PATTERN,
  decimalFromNumber,
  decimalToExactNumber,
  decimalToSafeInteger,
  type ExactDecimal,
  formatDecimal,
  isWholeDecimal,
  multiplyDecimal,
  parseDecimal,
  roundDecimal,
  shiftDecimal,
  toDecimal,
} from './money/decimal';
export { computeTotals, exactLineAmount, lineAmount, sumMinor, type Totals } from './money/totals';
// Verified creates
// Schemas: zod loaded on first use; readers for the valid case
export * as fastRead from './schema/fast-read';
export { builtSchema, isZodLoaded, lazySchema, loadZod, type Zod } from './schema/lazy';
// Adapter spec
export {
  type AmountUnit,
  type Capabilities,
  type Deduplication,
  type FieldSupport,
  INVOICE_CAPABILITY_FIELDS,
  type InvoiceCapabilityField,
  ORDER_CAPABILITY_FIELDS,
  type OrderCapabilityField,
  PROVIDER_NAMES,
  type ProviderName,
} from './spec/capabilities';
export {
  isLossy,
  LOSSY_WARNING_CODES,
  type MappingWarning,
  type MappingWarningCode,
} from './spec/mapping-warning';
export type {
  CreateRequestResult,
  MappingOptions,
  MappingResult,
  ProviderAdapter,
} from './spec/provider-adapter';
export { FULL_SELF_CHECK } from './spec/self-check';
export { WarningCollector } from './spec/warnings';
export * from './transport/index';
export { type CreateAnswerContext, parseCreateAnswer } from './verify/create-answer';
export {
  type CreateFacts,
  compareCreateFacts,
  createFacts,
  type VerifyCreateInput,
  type VerifyMode,
  verifyCreate,
} from './verify/verify-create';
// Webhooks
export * from './webhooks/index';
