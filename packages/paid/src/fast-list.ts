/**
 * Hand-written readers of Paid's list pages (wire.ts: PaidOrderListResponse, PaidOrderLinesResponse) for
 * the plainly valid case: exactly what the zod schema outputs, or undefined, and then the schema decides.
 */
import { fastRead } from '@billbridge/core';
import { countPresent, need, PAGE_KEYS, PAGINATION_KEYS, whole } from './fast-fields';
import { readPaidOrder, readPaidOrderLine } from './fast-record';
import type { PaidOrderLinesResponse, PaidOrderListResponse, PaidPagination } from './wire';

const { asPlainObject, bool, readList } = fastRead;

function readPagination(value: unknown): PaidPagination | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const { limit, offset, total, hasMore } = input;
  const used = need(whole(limit)) + need(whole(offset)) + need(whole(total)) + need(bool(hasMore));
  if (used !== countPresent(input, PAGINATION_KEYS)) return undefined;
  return { limit, offset, total, hasMore } as PaidPagination;
}

function readPage<T>(
  value: unknown,
  reader: (item: unknown) => T | undefined,
): { data: T[]; pagination: PaidPagination } | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const data = readList(input.data, reader) as T[] | undefined;
  const pagination = readPagination(input.pagination);
  if (data === undefined || pagination === undefined) return undefined;
  if (countPresent(input, PAGE_KEYS) !== 2) return undefined;
  return { data, pagination };
}

/** `GET /orders/` page (PaidOrderListResponse). */
export function readPaidOrderListResponse(value: unknown): PaidOrderListResponse | undefined {
  return readPage(value, readPaidOrder);
}

/** `GET /orders/{id}/lines` page (PaidOrderLinesResponse). */
export function readPaidOrderLinesResponse(value: unknown): PaidOrderLinesResponse | undefined {
  return readPage(value, readPaidOrderLine);
}
