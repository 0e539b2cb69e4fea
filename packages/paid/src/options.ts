/**
 * The adapter's options, and every reading of Paid's contract that its card marks "unconfirmed", kept in
 * one place so each is easy to find and change once verified against a Paid sandbox.
 */
import type { MappingOptions, ProductReference } from '@billbridge/core';

export const PROVIDER = 'paid' as const;

/** Production base URL; request paths below are relative to it. */
export const DEFAULT_BASE_URL = 'https://api.agentpaid.io/api/v2';

/** The trailing slash is written in both the SDK and the docs. */
export const ORDERS_PATH = '/orders/';

/**
 * UNCONFIRMED READINGS (CONTRACT.md "Unconfirmed readings"). Money is not among them: amounts are ISO minor
 * units (src/amounts.ts, CONTRACT.md P20).
 * - Currency: ISO 4217 upper case, sent once per order and again on each price point.
 * - Tiers: `upperBound` is the inclusive top of a tier and `lowerBound` the previous tier's upper bound
 *   (0 for the first); `index` counts from 0.
 * - Payment terms: a free string; `{ days: 30 }` is written as "Net 30" and "Net N" is read back as days N.
 * - `purchaseOrderReference` (docs only, not in SDK 1.7.1) is sent when the document has a purchaseOrder.
 * - Billing frequency `custom` counts months (`customMonths`, `billingFrequencyCustomMonths`).
 * - Success status of create: 200 and 201 are both accepted (any 2xx).
 * - What `totalAmount` covers: one billing period, or every `subscriptionTerms` term (TOTAL_AMOUNT_COVERS).
 * - How Paid computes an order's amount: Σ round(quantity × unitPrice) per line attribute (order-amount.ts).
 * - List paging: default page size 20, maximum 100 (used by the fake; the client asks for LIST_PAGE_SIZE).
 */
/**
 * `'one-period'`: `totalAmount` is what one billing period of the order costs (the chosen reading).
 * `'all-terms'`: it covers every one of the order's `subscriptionTerms` (recurring charges × terms).
 * Used where a create is verified and where candidates are compared; the fake serves either
 * (`totalAmountCovers` seed). Override per client with `createPaidClient({ totalAmountCovers })`.
 */
export type TotalAmountCovers = 'one-period' | 'all-terms';
export const TOTAL_AMOUNT_COVERS: TotalAmountCovers = 'one-period';

export const PAYMENT_TERMS_NET = /^net\s*(\d+)$/i;
export const netTermsName = (days: number): string => `Net ${days}`;
export const LIST_PAGE_SIZE = 100;
export const FAKE_DEFAULT_PAGE_SIZE = 20;
export const FAKE_MAX_PAGE_SIZE = 100;

/** Resolves a canonical product reference to a Paid product id (`productId` on an order line). */
export type ProductIdResolver = (product: ProductReference, path: string) => string | undefined;
/** Resolves a canonical customer to a Paid customer id (`customerId`, `billingCustomerId`). */
export type CustomerIdResolver = (
  customer: { id?: string; externalId?: string; email?: string; name?: string },
  path: string,
) => string | undefined;

export interface PaidOptions extends MappingOptions {
  /**
   * Paid product ids by product `externalId` or `name`, for lines whose `product.id` is not a Paid id.
   * Paid requires a `productId` on every order line.
   */
  productIds?: Readonly<Record<string, string>>;
  /** Function form of `productIds`, asked when the map has no entry. */
  resolveProductId?: ProductIdResolver;
  /** Paid customer ids by customer `externalId` or `email`, for documents whose `customer.id` is not set. */
  customerIds?: Readonly<Record<string, string>>;
  /** Function form of `customerIds`. */
  resolveCustomerId?: CustomerIdResolver;
  /**
   * Reading: the currency of orders whose record does not carry one (Paid's Order response has no
   * currency field; orders this client did not create have none). Without it, reading such an order fails
   * with a MissingRequiredFieldError rather than guessing a currency and misreading every amount; with it,
   * the result carries a `defaulted` warning at `currency` saying the currency was assumed.
   */
  currency?: string;
  /** Reading: return the canonical Invoice view (core's orderToInvoice) instead of the Order. */
  as?: 'order' | 'invoice';
}
