export { compact } from './build';
export {
  type DatePrecision,
  type DocumentArbitraryOptions,
  inferDatePrecision,
  selectedFields,
} from './fields';
export { type InvoiceArbitraryOptions, invoiceArbitrary, unitPrice } from './invoice';
export { type OrderArbitraryOptions, orderArbitrary } from './order';
export {
  addressArbitrary,
  countryArbitrary,
  currencyArbitrary,
  emailArbitrary,
  fractionalQuantityArbitrary,
  HOSTILE_KEYS,
  idArbitrary,
  instantArbitrary,
  integerQuantityArbitrary,
  metadataArbitrary,
  periodArbitrary,
  phoneArbitrary,
  ratePercentArbitrary,
  recurrenceArbitrary,
  subMinorAmountArbitrary,
  taxArbitrary,
  textArbitrary,
  unitAmountArbitrary,
} from './primitives';
