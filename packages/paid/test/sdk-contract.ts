/**
 * Compile-time contract with the official SDK (@paid-ai/paid-node 1.7.1). Type-checked by `pnpm typecheck`
 * (tsconfig includes test/): if our wire types drift from Paid's, these lines stop compiling.
 */
import type { Paid } from '@paid-ai/paid-node';
import type {
  PaidCreateOrderRequest,
  PaidErrorResponse,
  PaidOrder,
  PaidOrderLine,
  PaidOrderLinesResponse,
  PaidOrderListResponse,
} from '../src/wire';

type Assert<T extends true> = T;
type Assignable<From, To> = [From] extends [To] ? true : false;

/** What we send is what the SDK sends. */
export type RequestIsSdkRequest = Assert<Assignable<PaidCreateOrderRequest, Paid.CreateOrderRequest>>;
export type LineIsSdkLine = Assert<
  Assignable<NonNullable<PaidCreateOrderRequest['lines']>[number], Paid.CreateOrderLineRequest>
>;

/** Whatever the SDK says Paid answers, our read types accept. */
export type SdkOrderIsReadable = Assert<Assignable<Paid.Order, PaidOrder>>;
export type SdkLineIsReadable = Assert<Assignable<Paid.OrderLine, PaidOrderLine>>;
export type SdkListIsReadable = Assert<Assignable<Paid.OrderListResponse, PaidOrderListResponse>>;
export type SdkLinesAreReadable = Assert<Assignable<Paid.OrderLinesResponse, PaidOrderLinesResponse>>;
export type SdkErrorIsReadable = Assert<Assignable<Paid.ErrorResponse, PaidErrorResponse>>;

/** The same, as plain assignments. */
export const sendWithSdk = (request: PaidCreateOrderRequest): Paid.CreateOrderRequest => request;
export const readFromSdk = (order: Paid.Order): PaidOrder => order;

/** The enum-casing trap: product-pricing spellings are not order-line spellings, in either type. */
export const wrongCasing: Paid.CreateOrderLineAttributeRequest.Pricing = {
  chargeType: 'recurring',
  pricePoints: { unitPrice: 1 },
  // @ts-expect-error "Monthly" belongs to product pricing; order lines say "monthly".
  billingFrequency: 'Monthly',
};
export const ourWrongCasing: NonNullable<PaidCreateOrderRequest['billingFrequencyOverride']> = {
  // @ts-expect-error "Semi-Annually" belongs to product pricing; order lines say "semiAnnually".
  frequency: 'Semi-Annually',
};
