/**
 * Compile-time contract with the official SDK (checked by `tsc`, not run): every request this package
 * builds must be assignable to `InvoiceCreateParams` from `@whop/sdk@0.0.42`, and Whop's answer types to
 * ours. A drift in either direction fails `pnpm typecheck`.
 */
import type { InvoiceCreateParams, InvoiceListParams } from '@whop/sdk/resources/invoices';
import type { Invoice, InvoiceListItem } from '@whop/sdk/resources/shared';
import type { WhopInvoice, WhopInvoiceCreateRequest } from '../src/index';
import type { WhopInvoiceStatus } from '../src/wire';

type Assert<T extends true> = T;
type Assignable<From, To> = [From] extends [To] ? true : false;
/** Our response schemas keep unknown keys (an index signature); compare the documented keys only. */
type Known<T> = T extends readonly (infer U)[]
  ? Known<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;

// Our request (both variants: inline product and product_id) fits the SDK's request type.
export type RequestFitsSdk = Assert<Assignable<WhopInvoiceCreateRequest, InvoiceCreateParams>>;
export type WithProductFits = Assert<
  Assignable<
    Extract<WhopInvoiceCreateRequest, { product: unknown }>,
    InvoiceCreateParams.CreateInvoiceInputWithProduct
  >
>;
export type WithProductIdFits = Assert<
  Assignable<
    Extract<WhopInvoiceCreateRequest, { product_id: unknown }>,
    InvoiceCreateParams.CreateInvoiceInputWithProductID
  >
>;
// Every Invoice / InvoiceListItem the SDK can describe is readable by our response schema's type.
export type SdkInvoiceReadable = Assert<Assignable<Invoice, Known<WhopInvoice>>>;
export type SdkListItemReadable = Assert<Assignable<InvoiceListItem, Known<WhopInvoice>>>;
// Same status set both ways.
export type StatusesMatch = Assert<Assignable<WhopInvoiceStatus, Invoice['status']>>;
export type StatusesMatchBack = Assert<Assignable<Invoice['status'], WhopInvoiceStatus>>;
// The list query this package sends uses SDK parameter names.
export type ListQueryFits = Assert<
  Assignable<{ company_id: string; after?: string; first?: number }, InvoiceListParams>
>;

// The check has teeth: a plan with an upper-case currency (a classic mapping slip) is not an SDK request.
type UpperCaseCurrencyRequest = Omit<Extract<WhopInvoiceCreateRequest, { product: unknown }>, 'plan'> & {
  plan: { currency: 'USD'; initial_price: number };
};
export type UpperCaseCurrencyRejected = Assert<
  Assignable<UpperCaseCurrencyRequest, InvoiceCreateParams> extends false ? true : false
>;
