import type { z } from 'zod';
import { BillbridgeError } from '../errors/billbridge-error';
import { clip, excerpt } from '../errors/excerpt';
import { ValidationError, type ValidationIssue } from '../errors/mapping-errors';
import { assertNesting } from './bounds';
import { fastParseInvoice } from './fast-invoice';
import { fastParseOrder } from './fast-order';
import { Invoice } from './invoice';
import { Order } from './order';
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
 * A plainly valid document takes the hand-written path (same output, several times faster); anything
 * else goes through the zod schema, which reports every issue with its path.
 */
export function parseInvoice(input: unknown): Invoice {
  return fastParseInvoice(input) ?? parseWith(Invoice, input, 'Invoice');
}

export function parseOrder(input: unknown): Order {
  return fastParseOrder(input) ?? parseWith(Order, input, 'Order');
}

const ORDER_ONLY_KEYS = [
  'name',
  'startAt',
  'endAt',
  'termCount',
  'billingAnchorDay',
  'billingFrequency',
  'billingCustomer',
  'autoPostInvoices',
  'autoSendBillingEmails',
  'autoSendPaymentEmails',
] as const;

/**
 * Whether a canonical document is an Order or an Invoice, by shape: order lines carry `charges`, and
 * a few top-level fields exist only on orders.
 */
export function documentKind(input: unknown): 'invoice' | 'order' {
  if (input === null || typeof input !== 'object') return 'invoice';
  const doc = input as Record<string, unknown>;
  const lines = Array.isArray(doc.lines) ? doc.lines : [];
  if (lines.some((line) => line !== null && typeof line === 'object' && 'charges' in line)) return 'order';
  if (ORDER_ONLY_KEYS.some((key) => key in doc)) return 'order';
  return 'invoice';
}

export type CanonicalDocument = { kind: 'invoice'; value: Invoice } | { kind: 'order'; value: Order };

/** Parses an Invoice or an Order, whichever the shape says it is. */
export function parseDocument(input: unknown): CanonicalDocument {
  return documentKind(input) === 'order'
    ? { kind: 'order', value: parseOrder(input) }
    : { kind: 'invoice', value: parseInvoice(input) };
}
