/**
 * Hand-written reader of one page of Whop's invoice list (wire.ts: InvoiceListResponse, `{ data,
 * page_info }`), for the plainly valid case: exactly what the loose zod schema outputs (invoices read as
 * fast-record.ts reads them, objects copied as looseCopy does), or undefined, and then the client parses
 * with the schema, which owns every error message.
 */
import {
  boolOrNull,
  isDataArray,
  isLooseRecord,
  looseCopy,
  looseShape,
  prototypeHasKeys,
  strOrNull,
} from './fast-fields';
import { fastReadInvoice } from './fast-record';
import type { WhopInvoiceListResponse } from './wire';

/** The shapes' keys, in shape order (test/fast-readers.test.ts compares them with the schema). */
export const LIST_PAGE_KEYS = ['data', 'page_info'] as const;
export const PAGE_INFO_KEYS = ['end_cursor', 'start_cursor', 'has_next_page', 'has_previous_page'] as const;

const PAGE = looseShape(LIST_PAGE_KEYS);
const PAGE_INFO = looseShape(PAGE_INFO_KEYS);

/** A `.nullish()` field: undefined (absent or held), null, or a valid value. */
function nullish(count: (value: unknown) => number, value: unknown): boolean {
  return value === undefined || !Number.isNaN(count(value));
}

function isPageInfo(value: unknown): value is Record<string, unknown> {
  return (
    isLooseRecord(value) &&
    !prototypeHasKeys() &&
    nullish(strOrNull, value.end_cursor) &&
    nullish(strOrNull, value.start_cursor) &&
    nullish(boolOrNull, value.has_next_page) &&
    nullish(boolOrNull, value.has_previous_page)
  );
}

/** InvoiceListResponse's output for a plainly valid page, or undefined. */
export function fastReadInvoiceList(value: unknown): WhopInvoiceListResponse | undefined {
  try {
    if (!isLooseRecord(value) || prototypeHasKeys()) return undefined;
    const { data, page_info: info } = value;
    if (!isDataArray(data) || !isPageInfo(info)) return undefined;
    const invoices = new Array<unknown>(data.length);
    for (let i = 0; i < data.length; i++) {
      const invoice = fastReadInvoice(data[i]);
      if (invoice === undefined) return undefined;
      invoices[i] = invoice;
    }
    const out = looseCopy(value, PAGE);
    out.data = invoices;
    out.page_info = looseCopy(info, PAGE_INFO);
    return out as WhopInvoiceListResponse;
  } catch {
    // A value that throws when read (a getter, a proxy): zod reports it its own way.
    return undefined;
  }
}
