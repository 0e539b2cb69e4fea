import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/mapping-errors';
import { fastParseInvoice } from './fast-invoice';
import { fastParseOrder } from './fast-order';
import { Invoice } from './invoice';
import { Order } from './order';

/** `['lines', 2, 'amount']` → `lines[2].amount` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

export function issuesFromZod(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): ValidationIssue[] {
  return error.issues.map((issue) => {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = formatPath([...prefix, ...issue.path]);
    if (unknownKeys.length > 0) {
      return {
        path,
        code: issue.code,
        message: `Unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((k) => `"${k}"`).join(', ')}: check the spelling against the canonical model, or put provider-only fields in providerOptions.`,
      };
    }
    return { path, code: issue.code, message: issue.message };
  });
}

/** Parses a schema or throws a ValidationError listing every issue with its path. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
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
  // Plain loops: this runs on every mapping and every create.
  const lines = Array.isArray(doc.lines) ? doc.lines : [];
  for (const line of lines) {
    if (line !== null && typeof line === 'object' && 'charges' in line) return 'order';
  }
  for (const key of ORDER_ONLY_KEYS) if (key in doc) return 'order';
  return 'invoice';
}

export type CanonicalDocument = { kind: 'invoice'; value: Invoice } | { kind: 'order'; value: Order };

/** Parses an Invoice or an Order, whichever the shape says it is. */
export function parseDocument(input: unknown): CanonicalDocument {
  return documentKind(input) === 'order'
    ? { kind: 'order', value: parseOrder(input) }
    : { kind: 'invoice', value: parseInvoice(input) };
}
