/**
 * What this client sent for the orders it created. Paid's Order answer carries no currency, externalId or
 * lines, so reads of those orders are completed from here. Bounded (oldest dropped first), so a long
 * migration does not grow memory with every order.
 */
import type { PaidCreateOrderRequest } from './wire';

export type SentOrder = Pick<PaidCreateOrderRequest, 'currency' | 'externalId' | 'lines'>;

/** The fields of a create request that Paid's Order answer does not carry. */
export function pickSent(request: PaidCreateOrderRequest): SentOrder {
  const entry: SentOrder = {};
  if (request.currency !== undefined) entry.currency = request.currency;
  if (request.externalId !== undefined) entry.externalId = request.externalId;
  if (request.lines !== undefined) entry.lines = request.lines;
  return entry;
}

export class SentOrders {
  private readonly entries = new Map<string, SentOrder>();

  constructor(private readonly capacity: number) {}

  remember(id: string, sent: SentOrder): void {
    if (this.capacity <= 0) return;
    this.entries.delete(id);
    this.entries.set(id, sent);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  recall(id: string): SentOrder | undefined {
    return this.entries.get(id);
  }
}
