import type { z } from 'zod';
import { BillbridgeError } from '../errors/billbridge-error';
import { clip, excerpt } from '../errors/excerpt';
import { ValidationError, type ValidationIssue } from '../errors/mapping-errors';
import { assertNesting } from './bounds';
import { fastParseInvoice } from './fast-invoice';
import { fastParseOrder } from './fast-order';
import { Invoice, type InvoiceInput } from './invoice';
import { Order, type OrderInput } from './order';
import { formatPath } from './path';

export { formatPath };

/** Unknown keys quoted in one issue; the rest are counted. */
const MAX_KEYS_SHOWN = 5;

export function issuesFromZod(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): ValidationIssue[] {
  return error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = formatPath([...prefix, ...issue.path]);
    if (unknownKeys.length > 0) {
      const shown = unknownKeys.slice(0, MAX_KEYS_SHOWN).map((k) => excerpt(k, 24));
      const more = unknownKeys.length - shown.length;
      return {
        path,
        code: issue.code,
        message: `Unknown field${unknownKeys.length > 1 ? 's' : ''} ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}: check the spelling against the canonical model, or put provider-only fields in providerOptions.`,
      };
    }
    return { path, code: issue.code, message: clip(issue.message) };
  });
}

/**
 * Parses a schema or throws a ValidationError listing every issue with its path. Total on any input: too
 * deep a nesting is refused before the schema walks it, and a refinement that throws (a bug, or arithmetic
 * on a value no check foresaw) still ends as a ValidationError, never a RangeError or a stack overflow.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  assertNesting(input, subject);
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(input) as z.ZodSafeParseResult<z.output<S>>;
  } catch (cause) {
    if (BillbridgeError.isInstance(cause)) throw cause;
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw new ValidationError(subject, [
      { path: '', code: 'unreadable', message: `Could not be read (${clip(detail, 120)}).` },
    ]);
  }
  if (!result.success) throw new ValidationError(subject, issuesFromZod(result.error));
  return result.data;
}

/**
 * Validates and normalises a canonical invoice: instants to UTC, `amount`s checked against quantity × unit
 * price, unknown keys refused (outside `metadata` and `providerOptions`).
 *
 * @param input - An {@link InvoiceInput} written in code (typed: the editor completes and checks the
 *   fields), or untrusted data such as parsed JSON (`unknown`: checked at run time).
 * @returns The parsed {@link Invoice}; amounts stay integers in the currency's minor unit.
 * @throws {@link ValidationError} listing every issue with its path (`lines[2].unitAmount`) and the fix.
 *
 * @example
 * ```ts
 * const invoice = parseInvoice({
 *   currency: 'USD',
 *   customer: { email: 'ada@example.com' },
 *   lines: [{ description: 'Consulting', quantity: '2.5', unitAmount: 2990 }], // $29.90 an hour
 * });
 * ```
 */
export function parseInvoice(input: InvoiceInput): Invoice;
export function parseInvoice(input: unknown): Invoice;
export function parseInvoice(input: unknown): Invoice {
  // A plainly valid document takes the hand-written path (same output, several times faster); anything
  // else goes through the zod schema, which reports every issue with its path.
  return fastParseInvoice(input) ?? parseWith(Invoice, input, 'Invoice');
}

/**
 * Validates and normalises a canonical order (Paid's native document), as {@link parseInvoice} does.
 *
 * @param input - An {@link OrderInput} written in code, or untrusted data (`unknown`).
 * @returns The parsed {@link Order}.
 * @throws {@link ValidationError} listing every issue with its path and the fix.
 */
export function parseOrder(input: OrderInput): Order;
export function parseOrder(input: unknown): Order;
export function parseOrder(input: unknown): Order {
  return fastParseOrder(input) ?? parseWith(Order, input, 'Order');
}

/**
 * Whether a canonical document is an Order or an Invoice, by shape: order lines carry `charges`, and
 * a few top-level fields exist only on orders. Each order-only key is tested by name (a loop over a key
 * list with `in` was an eighth of a one-line mapping); test/document-kind.test.ts checks every key.
 */
export function documentKind(input: unknown): 'invoice' | 'order' {
  if (input === null || typeof input !== 'object') return 'invoice';
  const doc = input as Record<string, unknown>;
  const lines = doc.lines;
  if (Array.isArray(lines)) {
    for (let i = 0; i < lines.length; i++) {
      const line: unknown = lines[i];
      if (line !== null && typeof line === 'object' && 'charges' in line) return 'order';
    }
  }
  return 'name' in doc ||
    'startAt' in doc ||
    'endAt' in doc ||
    'termCount' in doc ||
    'billingAnchorDay' in doc ||
    'billingFrequency' in doc ||
    'billingCustomer' in doc ||
    'autoPostInvoices' in doc ||
    'autoSendBillingEmails' in doc ||
    'autoSendPaymentEmails' in doc
    ? 'order'
    : 'invoice';
}

/** A parsed canonical document, tagged with its kind. */
export type CanonicalDocument = { kind: 'invoice'; value: Invoice } | { kind: 'order'; value: Order };

/** Parses an Invoice or an Order, whichever the shape says it is. */
export function parseDocument(input: unknown): CanonicalDocument {
  return documentKind(input) === 'order'
    ? { kind: 'order', value: parseOrder(input) }
    : { kind: 'invoice', value: parseInvoice(input) };
}
