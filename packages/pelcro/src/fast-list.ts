/**
 * A list page (PelcroInvoiceList, wire.ts) read by hand when it is plainly valid: exactly the schema's
 * output, or undefined, and then the schema decides. The items stay unread here (the schema keeps them
 * as they are); the client reads each one as an invoice.
 */
import { fastRead } from '@billbridge/core';
import { looseCopy, looseShape } from './fast-record';
import type { PelcroInvoiceList } from './wire';

const { asPlainObject } = fastRead;

const PAGE = looseShape(['data', 'meta']);
const META = looseShape(['per_page']);

/** `z.array(z.unknown())`: a fresh array of the same items (holes read as undefined, as zod reads them). */
function copyArray(value: unknown[]): unknown[] {
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = value[i];
  return out;
}

function readMeta(value: unknown): Record<string, unknown> | undefined {
  const input = asPlainObject(value);
  if (input === undefined) return undefined;
  const perPage = input.per_page;
  const ok =
    perPage === undefined ||
    typeof perPage === 'string' ||
    (typeof perPage === 'number' && Number.isFinite(perPage));
  return ok ? looseCopy(input, META) : undefined;
}

export function fastReadInvoiceList(value: unknown): PelcroInvoiceList | undefined {
  if (Array.isArray(value)) {
    // The union tries the page object first, which an array never is.
    return copyArray(value);
  }
  const input = asPlainObject(value);
  if (input === undefined || !Array.isArray(input.data)) return undefined;
  const out = looseCopy(input, PAGE);
  out.data = copyArray(input.data);
  const meta = input.meta;
  if (meta !== undefined && meta !== null) {
    const parsed = readMeta(meta);
    if (parsed === undefined) return undefined;
    out.meta = parsed;
  }
  return out as PelcroInvoiceList;
}
