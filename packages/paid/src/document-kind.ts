/**
 * Core's `documentKind` (model/parse.ts), restated with each order-only key tested by name: core loops
 * over a key list with `key in doc`, a lookup V8 cannot specialise, and that loop was an eighth of a
 * one-line `toCreateRequest`. Same answer, same order of reads; test/document-kind.property.test.ts holds
 * the two equal on arbitrary documents and values.
 */
export function documentKindOf(input: unknown): 'invoice' | 'order' {
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
