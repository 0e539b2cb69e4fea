/**
 * `providerOptions.paid`: what a Paid order has beyond the canonical Order. On create only
 * `billingContactIds` is sent; the rest is what a read returns (amounts in minor units, flags, version)
 * and is accepted back without a warning, since it describes the record rather than a request.
 */
export const readonlyProviderOptionKeys: ReadonlySet<string> = new Set([
  'amounts',
  'showPaymentLink',
  'showBankDetails',
  'version',
  'billingFrequencyOverridden',
]);

export interface PaidProviderOptions {
  billingContactIds?: string[];
  /** Order amounts other than the total, in minor units of the order currency. */
  amounts?: {
    orderAmount: number;
    billedAmountNoTax: number;
    billedTax: number;
    estimatedTax: number;
    pendingBillingAmount: number;
    totalBilledAmount: number;
  };
  showPaymentLink?: boolean;
  showBankDetails?: boolean;
  version?: number;
  billingFrequencyOverridden?: boolean;
}
