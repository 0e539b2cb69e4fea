/**
 * Where a listing ends. Pelcro pages with `page` and `limit` (docs.pelcro.com "api-core-pagination-limits");
 * whether an answer carries `meta` is not relied on: a page shorter than a full page, or empty, is the
 * last one. A full page is `meta.per_page` when the answer says it (a server that ignored `limit` still
 * pages on), else the `limit` asked for.
 */
import type { PelcroInvoiceList } from './wire';

export function pageItems(list: PelcroInvoiceList): unknown[] {
  return Array.isArray(list) ? list : list.data;
}

export function isLastPage(list: PelcroInvoiceList, limit: number): boolean {
  const count = pageItems(list).length;
  if (count === 0) return true;
  const stated = Array.isArray(list) ? Number.NaN : Number(list.meta?.per_page);
  const full = Number.isInteger(stated) && stated > 0 ? stated : limit;
  return count < full;
}
