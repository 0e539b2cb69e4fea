/**
 * Paid's API `Invoice` (`@paid-ai/paid-node` 1.7.1 `api/types/Invoice`) → canonical, for the invoice a
 * webhook carries in `data.invoice`. Paid publishes no invoice webhook example, so reading the API shape
 * there is an inference (WEBHOOKS.md PW7). The invoice has no lines: the canonical one carries its total.
 */
import {
  type Invoice,
  type InvoiceStatus,
  isoMinorUnits,
  type MappingResult,
  normalizeInstant,
  parseInvoice,
  WarningCollector,
  WebhookPayloadError,
} from '@billbridge/core';

export interface PaidApiInvoice {
  id: string;
  displayNumber?: string | null;
  orderId?: string | null;
  customerId: string;
  status: string;
  paymentStatus: string;
  issueDate?: string;
  dueDate?: string | null;
  currency: string;
  invoiceTotal: number;
  amountDue?: number;
  amountPaid?: number;
  createdAt?: string;
  updatedAt?: string;
  [field: string]: unknown;
}

/** `status` says where the document is; `paymentStatus` whether it was paid. */
function canonicalStatus(invoice: PaidApiInvoice, w: WarningCollector): InvoiceStatus | undefined {
  if (invoice.status === 'voided' || invoice.status === 'canceled') return 'void';
  if (invoice.paymentStatus === 'paid') return 'paid';
  if (invoice.status === 'draft' || invoice.status === 'building') return 'draft';
  if (invoice.status === 'posted' || invoice.status === 'pending') return 'open';
  w.unrecognized('status', `Paid invoice status "${invoice.status}" has no canonical equivalent`);
  return undefined;
}

export function isPaidApiInvoice(value: unknown): value is PaidApiInvoice {
  const v = value as Partial<PaidApiInvoice> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof v.id === 'string' &&
    typeof v.currency === 'string' &&
    typeof v.invoiceTotal === 'number'
  );
}

export function fromPaidInvoice(record: unknown): MappingResult<Invoice> {
  if (!isPaidApiInvoice(record)) {
    throw new WebhookPayloadError(
      'paid',
      'data.invoice',
      'expected a Paid Invoice (id, currency, invoiceTotal)',
      record,
    );
  }
  const w = new WarningCollector('paid');
  const currency = record.currency.toUpperCase();
  const status = canonicalStatus(record, w);
  const doc: Record<string, unknown> = {
    id: record.id,
    provider: 'paid',
    currency,
    providerStatus: `${record.status}/${record.paymentStatus}`,
    customer: { id: record.customerId },
    lines: [],
    total: isoMinorUnits.fromProvider(record.invoiceTotal, currency, {
      provider: 'paid',
      path: 'data.invoice.invoiceTotal',
      warnings: w,
    }),
  };
  if (status) doc.status = status;
  if (record.displayNumber) doc.number = record.displayNumber;
  if (record.issueDate) doc.issuedAt = normalizeInstant(record.issueDate);
  if (record.dueDate) doc.dueAt = normalizeInstant(record.dueDate);
  if (record.createdAt) doc.createdAt = normalizeInstant(record.createdAt);
  if (record.updatedAt) doc.updatedAt = normalizeInstant(record.updatedAt);
  if (record.orderId) doc.providerOptions = { paid: { orderId: record.orderId } };
  return { value: parseInvoice(doc), warnings: w.finish(false) };
}
