import { type Customer, lazySchema, type MappingOptions } from '@billbridge/core';
import type { z } from 'zod';
import { FLOWGLAD_STATUSES, INVOICE_TYPES } from './enums';

/** Options of `flowglad.toCreateRequest` / `fromProvider` (and of the client's mapping). */
export interface FlowgladMappingOptions extends MappingOptions {
  /**
   * Flowglad customer ids (`cust_…`) for documents whose customer carries no `id`: keyed by the
   * canonical customer's `externalId`, else its `email`. Or a function returning the id.
   */
  customerIds?: Record<string, string> | ((customer: Customer) => string | undefined);
  /** Clock used for the `invoiceDate` default when the document has no `issuedAt` (tests pin it). */
  now?: () => number;
}

/**
 * `providerOptions.flowglad`: fields only Flowglad has. `fromProvider` fills it, so a read invoice can be
 * created again unchanged; `toCreateRequest` validates it (unknown keys are refused: a typo must not
 * vanish).
 */
export const FlowgladProviderOptions = lazySchema((z) =>
  z.strictObject({
    /** Invoice variant. Default: `subscription` when the document has a subscription reference, `purchase`
     * when `purchaseId` is given, else `standalone`. */
    type: z.enum(INVOICE_TYPES).optional(),
    /** Required for purchase invoices (`prch_…`). */
    purchaseId: z.string().min(1).optional(),
    /** Subscription invoices: overrides `subscription.id`. */
    subscriptionId: z.string().min(1).optional(),
    /** Required for subscription invoices (`billing_period_…`). */
    billingPeriodId: z.string().min(1).optional(),
    /** One of Flowglad's eight statuses; wins over the canonical `status` (e.g. `refunded`). */
    status: z.enum(FLOWGLAD_STATUSES).optional(),
    bankPaymentOnly: z.boolean().optional(),
    billingRunId: z.string().min(1).optional(),
    ownerMembershipId: z.string().min(1).optional(),
    pdfURL: z.url().optional(),
    receiptPdfURL: z.url().optional(),
    /** Read only (from the API key on create); kept so a read invoice says where it came from. */
    livemode: z.boolean().optional(),
  }),
);
export type FlowgladProviderOptions = z.output<typeof FlowgladProviderOptions>;

/**
 * Every reading of the contract card marked "unconfirmed" (or left open by it), decided once, here.
 * The README lists the same decisions.
 */
export const UNCONFIRMED_READINGS = {
  /** §0: how a deployment without the create procedure answers POST /api/v1/invoices. We treat 404 and
   * 405 on that route as "withdrawn", unless a 404 names the customer (the one record create looks up). */
  withdrawnCreateStatuses: [404, 405] as const,
  /** §3.2 / F6: a failed insert's cause is looked up, not read from the answer. A duplicate number is
   * confirmed only by finding it with one filtered list request (Flowglad's own cursor form, `parameters:
   * { invoiceNumber }`), never by walking the list. */
  duplicateLookup: 'filtered-cursor' as const,
  /** §3.3: a `usage` line on create. The fake answers 400 BAD_REQUEST. */
  usageLineStatus: 400,
  /** §2: both header forms are accepted; we send the bare key, as the official SDK does. */
  authorizationScheme: 'bare' as const,
  /** §3.2: dates are sent as ISO 8601 strings, accepted by every create-era deployment. */
  createDateForm: 'iso-8601' as const,
} as const;
