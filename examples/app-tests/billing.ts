/**
 * A slice of an app's own code: it bills a customer through whichever billbridge client it is given, and
 * decides what to do when the provider's answer is lost.
 */
import { AmbiguousResultError, type InvoiceInput } from '@billbridge/core';

/** Any billbridge client: each provider's `createXClient(...)` returns one. */
export interface InvoiceClient {
  create(doc: InvoiceInput): Promise<{ value: { id?: string } }>;
}

export type BillOutcome =
  | { status: 'created'; id: string }
  /** The provider may have stored it: the app must check before sending again (never blindly resend). */
  | { status: 'check-before-resending'; externalId: string };

export async function bill(client: InvoiceClient, doc: InvoiceInput): Promise<BillOutcome> {
  try {
    const { value } = await client.create(doc);
    return { status: 'created', id: value.id ?? '' };
  } catch (error) {
    if (AmbiguousResultError.isInstance(error)) {
      return { status: 'check-before-resending', externalId: doc.externalId ?? '' };
    }
    throw error;
  }
}
