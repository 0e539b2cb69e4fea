/** The key lists the readers use are plain constants (no schema at import): they must match the schemas. */
import { describe, expect, it } from 'vitest';
import { ERROR_BODY_KEYS } from '../src/fast-error';
import { PROVIDER_OPTION_KEYS } from '../src/fast-options';
import { PelcroProviderOptionsSchema } from '../src/provider-options';
import {
  ADDRESS_KEYS,
  CREATE_BODY_KEYS,
  CREATE_REQUEST_KEYS,
  INVOICE_KEYS,
  LINE_ITEM_KEYS,
  PelcroAddress,
  PelcroCreateRequest,
  PelcroErrorBody,
  PelcroInvoice,
  PelcroInvoiceCreateBody,
  PelcroLineItem,
  RESPONSE_ADDRESS_KEYS,
  RESPONSE_CUSTOMER_KEYS,
  RESPONSE_LINE_ITEM_KEYS,
  ResponseAddress,
  ResponseCustomer,
  ResponseLineItem,
} from '../src/wire';

describe('key lists', () => {
  it.each([
    ['PelcroAddress', ADDRESS_KEYS, PelcroAddress],
    ['PelcroLineItem', LINE_ITEM_KEYS, PelcroLineItem],
    ['PelcroInvoiceCreateBody', CREATE_BODY_KEYS, PelcroInvoiceCreateBody],
    ['PelcroCreateRequest', CREATE_REQUEST_KEYS, PelcroCreateRequest],
    ['ResponseAddress', RESPONSE_ADDRESS_KEYS, ResponseAddress],
    ['ResponseCustomer', RESPONSE_CUSTOMER_KEYS, ResponseCustomer],
    ['ResponseLineItem', RESPONSE_LINE_ITEM_KEYS, ResponseLineItem],
    ['PelcroInvoice', INVOICE_KEYS, PelcroInvoice],
    ['PelcroProviderOptionsSchema', PROVIDER_OPTION_KEYS, PelcroProviderOptionsSchema],
    ['PelcroErrorBody', ERROR_BODY_KEYS, PelcroErrorBody],
  ] as const)('%s: the constant lists the shape, in order', (_name, keys, schema) => {
    // In order: the readers build their output in this order, as zod does from the shape.
    expect([...keys]).toEqual(Object.keys(schema.shape));
  });
});
