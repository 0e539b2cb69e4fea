/**
 * Recovery after an ambiguous create: Paid cannot be asked for the order by externalId, so findCandidates
 * lists the orders of the same customer created in the window and compares them with the document.
 */
import { AmbiguousResultError, type OrderInput, ValidationError } from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPaidClient } from '../src/client';
import { type PaidFakeState, paidFake } from '../src/fake';

let fake: RunningFake<PaidFakeState>;
beforeEach(async () => {
  fake = await startFake(paidFake, {
    seed: { products: ['prod-id', 'prod-other'], customers: ['cus_abc123', 'cus_other'] },
  });
});
afterEach(() => fake.close());

const client = () => createPaidClient({ apiKey: 'k', baseUrl: `${fake.url}/api/v2`, maxRetries: 0 });
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

const doc: OrderInput = {
  externalId: 'lost-1',
  name: 'Pro',
  currency: 'USD',
  customer: { id: 'cus_abc123' },
  startAt: '2026-02-01T00:00:00Z',
  lines: [
    {
      product: { id: 'prod-id' },
      name: 'Platform',
      charges: [
        { name: 'Fee', type: 'recurring', unitAmount: 1250, recurrence: { interval: 'month', count: 1 } },
        { name: 'Calls', type: 'usage', quantity: 2500, unitAmountDecimal: '0.04' },
      ],
    },
  ],
};

describe('findCandidates', () => {
  it('finds the order an ambiguous create left behind, ranked first, with what differs in the others', async () => {
    const paid = client();
    await paid.create({ ...doc, externalId: 'before-window' }); // identical, but before the window
    await pause();
    const createdAfter = new Date().toISOString();
    await pause();

    await paid.create({ ...doc, externalId: 'other-customer', customer: { id: 'cus_other' } });
    const cheaper = await paid.create({
      ...doc,
      externalId: 'cheaper',
      lines: [
        {
          ...doc.lines[0]!,
          charges: [{ ...doc.lines[0]!.charges[0]!, unitAmount: 1000 }, doc.lines[0]!.charges[1]!],
        },
      ],
    });
    const otherProduct = await paid.create({
      ...doc,
      externalId: 'other-product',
      lines: [{ ...doc.lines[0]!, product: { id: 'prod-other' } }],
    });
    fake.faults.set({ script: ['created_then_garbled'] });
    const lost = await paid.create(doc).catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(lost)).toBe(true);
    const lostId = fake.state.orders.at(-1)!.order.id;

    const found = await paid.findCandidates(doc, { createdAfter });
    expect(found.scanned).toBe(5);
    expect(found.notCompared.join(' ')).toMatch(/externalId.*currency/);
    // Matching first; then by fewest differences, ties oldest first.
    expect(found.candidates.map((c) => c.id)).toEqual([lostId, cheaper.raw.id, otherProduct.raw.id]);

    const [best, price, product] = found.candidates;
    expect(best).toMatchObject({ matches: true, differences: [] });
    expect(best?.lines).toEqual([expect.objectContaining({ productId: 'prod-id', name: 'Platform' })]);
    expect(product).toMatchObject({
      matches: false,
      differences: [{ path: 'lines[0].product.id', expected: 'prod-id', actual: 'prod-other' }],
    });
    // 1250 + 2500 × 0.04 = 1350 cents sent; the cheaper order is 1000 + 100.
    expect(price).toMatchObject({
      matches: false,
      differences: [{ path: 'total', expected: 1350, actual: 1100 }],
    });
  });

  it('several identical orders all match: the comparison does not pretend to know which is the lost one', async () => {
    const paid = client();
    const createdAfter = new Date(Date.now() - 60_000);
    await paid.create(doc);
    await paid.create(doc);
    const found = await paid.findCandidates(doc, { createdAfter, includeLines: false });
    expect(found.candidates.map((c) => c.matches)).toEqual([true, true]);
    expect(found.candidates[0]?.lines).toBeUndefined();
  });

  it('an upper bound leaves out later orders', async () => {
    const paid = client();
    const createdAfter = new Date(Date.now() - 60_000).toISOString();
    await paid.create(doc);
    await pause();
    const createdBefore = new Date().toISOString();
    await pause();
    await paid.create(doc);
    const found = await paid.findCandidates(doc, { createdAfter, createdBefore });
    expect(found.candidates).toHaveLength(1);
    expect(found.scanned).toBe(2);
  });

  it('refuses a window that is not an instant, naming the option', async () => {
    await expect(client().findCandidates(doc, { createdAfter: 'yesterday' })).rejects.toSatisfy(
      (e) => ValidationError.isInstance(e) && /createdAfter/.test((e as Error).message),
    );
  });
});
