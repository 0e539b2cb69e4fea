/** Where a list of invoices ends (the list shape is unconfirmed, see options.ts). */
import type { PelcroInvoiceList } from './wire';

/** Laravel paginators say where they end; a bare array ends with a short page. */
export function hasNextPage(list: PelcroInvoiceList, page: number, count: number, perPage: number): boolean {
  if (count === 0) return false;
  if (Array.isArray(list)) return count >= perPage;
  const lastPage = list.meta?.last_page ?? list.last_page;
  if (lastPage !== undefined) return page < lastPage;
  if (list.next_page_url !== undefined) return list.next_page_url !== null;
  return count >= perPage;
}
