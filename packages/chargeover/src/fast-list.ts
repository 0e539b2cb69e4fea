/**
 * Hand-written readers of ChargeOver's list answers: a page of invoice query rows
 * (QueryInvoicesResponse) and the currency list (CurrencyListResponse). Each answers exactly what its
 * schema (wire.ts, currencies.ts) outputs for a plainly valid value, or undefined, and the caller then
 * parses with the schema. The building blocks are in fast-fields.ts.
 */
import type { CurrencyListResponse } from './currencies';
import {
  ENVELOPE_REQUIRED,
  envelopeFields,
  fieldTable,
  list,
  loose,
  looseObject,
  orNull,
  readId,
  readInt,
  type SchemaOutput,
  text,
} from './fast-fields';
import { readInvoiceRecord } from './fast-record';
import type { QueryInvoicesResponse } from './wire';

const nullableText = orNull(text);
const nullableInt = orNull(readInt);

const QUERY_FIELDS = envelopeFields(list(readInvoiceRecord));

/** QueryInvoicesResponse's output (a page of query rows), or undefined. */
export function readQueryInvoicesResponse(
  value: unknown,
): SchemaOutput<typeof QueryInvoicesResponse> | undefined {
  return looseObject(value, QUERY_FIELDS, ENVELOPE_REQUIRED) as
    | SchemaOutput<typeof QueryInvoicesResponse>
    | undefined;
}

/** CurrencyRecord's declared fields (`GET /api/v3/currency` rows). */
export const CURRENCY_RECORD_FIELDS = fieldTable([
  ['currency_id', readId],
  ['currency', nullableText],
  ['iso4217', text],
  ['symbol', nullableText],
  ['rounding', nullableInt],
]);

export const CURRENCY_RECORD_REQUIRED = ['currency_id', 'iso4217'] as const;

const CURRENCY_LIST_FIELDS = envelopeFields(list(loose(CURRENCY_RECORD_FIELDS, CURRENCY_RECORD_REQUIRED)));

/** CurrencyListResponse's output, or undefined. */
export function readCurrencyListResponse(
  value: unknown,
): SchemaOutput<typeof CurrencyListResponse> | undefined {
  return looseObject(value, CURRENCY_LIST_FIELDS, ENVELOPE_REQUIRED) as
    | SchemaOutput<typeof CurrencyListResponse>
    | undefined;
}
