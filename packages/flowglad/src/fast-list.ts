/**
 * Hand-written reader of one page of Flowglad's invoice list (wire.ts: InvoiceListPage): for a plainly
 * valid page, exactly what the zod schema outputs (records read as fast-record.ts reads them); undefined
 * whenever in doubt, and then the caller parses with the schema, which owns every error message.
 */
import { fastRead } from '@billbridge/core';
import { hasUndefinedOrHiddenKey, optStr, reqBool } from './fast-fields';
import { readInvoiceRecord } from './fast-record';
import type { InvoiceListPage } from './wire';

type Output = fastRead.Output;

/** `InvoiceListPage`: one page of `GET /api/v1/invoices`. */
export function readInvoiceListPage(value: unknown): InvoiceListPage | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined || hasUndefinedOrHiddenKey(input)) return undefined;
  const { hasMore, total, currentCursor, nextCursor } = input;
  const valid =
    reqBool(hasMore) +
    (typeof total === 'number' && Number.isFinite(total) ? 0 : Number.NaN) +
    optStr(currentCursor) +
    optStr(nextCursor);
  if (valid !== 0) return undefined;
  const data = fastRead.readList(input.data, readInvoiceRecord);
  if (data === undefined) return undefined;
  const out: Output = { data, hasMore, total };
  if (currentCursor !== undefined) out.currentCursor = currentCursor;
  if (nextCursor !== undefined) out.nextCursor = nextCursor;
  return out as InvoiceListPage;
}
