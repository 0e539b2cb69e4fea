/**
 * What a failed create-era insert proves (CONTRACT.md F5–F9): Flowglad answers the same 500, naming
 * `invoice_number`, for a duplicate number, an unknown reference and a transient error. The client looks the
 * cause up (one filtered list request, then the references it can read) and never walks the list.
 */
import { readFileSync } from 'node:fs';
import { AmbiguousResultError, ConflictError, type TransportEvent } from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFlowgladClient,
  fromProvider,
  InvoiceInsertFailedError,
  UnknownReferenceError,
} from '../src/index';
import { type FlowgladFakeState, flowgladFake } from '../src/testing';
import { invoice, TEST_KEY } from './helpers';

let fake: RunningFake<FlowgladFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake already holding `count` invoices of this account, so a list walk would take many pages. */
async function startWith(count: number, seed: Parameters<typeof flowgladFake.createState>[0] = {}) {
  fake = await startFake(flowgladFake, { seed });
  const seeder = createFlowgladClient({ apiKey: TEST_KEY, baseUrl: fake.url });
  for (let i = 0; i < count; i++) await seeder.create(invoice({ number: `SEED-${i}` }));
  const events: TransportEvent[] = [];
  const flow = createFlowgladClient({
    apiKey: TEST_KEY,
    baseUrl: fake.url,
    maxRetries: 2,
    onEvent: (e) => events.push(e),
  });
  const attempts = (method: string, path: string) =>
    events.filter((e) => e.type === 'attempt' && e.method === method && new URL(e.url).pathname === path);
  return { fake, flow, attempts };
}

const subscriptionDoc = (overrides: { subscriptionId?: string; billingPeriodId?: string } = {}) =>
  invoice({
    number: 'SUB-1',
    subscription: { id: overrides.subscriptionId ?? 'sub_test_1' },
    providerOptions: { flowglad: { billingPeriodId: overrides.billingPeriodId ?? 'billing_period_test_1' } },
  });

describe('a failed Flowglad insert', () => {
  it('a foreign-key 500 names the reference it rejected, is never a taken number, and walks no list', async () => {
    const { fake, flow, attempts } = await startWith(250);
    const error = await flow
      .create(subscriptionDoc({ subscriptionId: 'sub_unknown' }))
      .catch((e: unknown) => e);

    expect(UnknownReferenceError.isInstance(error)).toBe(true);
    expect((error as UnknownReferenceError).field).toBe('invoice.subscriptionId');
    expect((error as UnknownReferenceError).id).toBe('sub_unknown');
    expect(ConflictError.isInstance(error)).toBe(false);
    expect((error as Error).message).not.toMatch(/taken|use another number/);
    // One create (the 500 is not retried), one filtered lookup of the number, one read of the reference.
    expect(attempts('POST', '/api/v1/invoices')).toHaveLength(1);
    const lookups = attempts('GET', '/api/v1/invoices');
    expect(lookups).toHaveLength(1);
    const cursor = new URL(lookups[0]!.url).searchParams.get('cursor')!;
    expect(JSON.parse(Buffer.from(cursor, 'base64').toString())).toMatchObject({
      parameters: { invoiceNumber: 'SUB-1' },
    });
    expect(attempts('GET', '/api/v1/subscriptions/sub_unknown')).toHaveLength(1);
    expect(fake.records).toHaveLength(250);
  });

  it('an unknown purchase is named too', async () => {
    const { flow } = await startWith(0);
    const error = await flow
      .create(invoice({ number: 'P-1', providerOptions: { flowglad: { purchaseId: 'prch_missing' } } }))
      .catch((e: unknown) => e);
    expect(UnknownReferenceError.isInstance(error)).toBe(true);
    expect((error as UnknownReferenceError).field).toBe('invoice.purchaseId');
  });

  it('a reference Flowglad cannot look up is listed as a possible cause, not reported as a taken number', async () => {
    const { flow, attempts } = await startWith(30);
    const error = await flow
      .create(subscriptionDoc({ billingPeriodId: 'billing_period_gone' }))
      .catch((e: unknown) => e);
    expect(InvoiceInsertFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/an unknown invoice\.billingPeriodId \(billing_period_gone\)/);
    expect((error as Error).message).not.toMatch(/already taken/);
    expect(attempts('GET', '/api/v1/invoices')).toHaveLength(1);
  });

  it('a transient insert failure is not retried blindly; sending again later stores the invoice once', async () => {
    const { fake, flow, attempts } = await startWith(0, { transientInsertFailures: 1 });
    const error = await flow.create(invoice({ number: 'T-1' })).catch((e: unknown) => e);
    expect(InvoiceInsertFailedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/transient database error/);
    expect(attempts('POST', '/api/v1/invoices')).toHaveLength(1);
    expect(fake.records).toHaveLength(0);
    const created = await flow.create(invoice({ number: 'T-1' }));
    expect(created.value.number).toBe('T-1');
    expect(fake.records).toHaveLength(1);
  });

  it('a duplicate is confirmed by finding the number: our own first attempt is returned, not a second invoice', async () => {
    const { fake, flow, attempts } = await startWith(120);
    fake.faults.set({ script: ['created_then_failed'] });
    const created = await flow.create(invoice({ number: 'DUP-OWN' }));
    expect(fake.records).toHaveLength(121);
    expect(created.value.id).toBe(fake.state.invoices[120]!.invoice.id);
    expect(attempts('GET', '/api/v1/invoices')).toHaveLength(1);
  });

  it('an unreadable 2xx create answer is ambiguous, never a validation error', async () => {
    const { fake, flow } = await startWith(0);
    fake.faults.set({ script: ['created_then_garbled'] });
    const error = await flow.create(invoice({ number: 'G-1' })).catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect((error as AmbiguousResultError).externalId).toBe('G-1');
    expect(fake.records).toHaveLength(1);
  });

  it('an unknown customer is a not-found error for the customer, not retried', async () => {
    const { flow, attempts } = await startWith(0);
    const error = await flow.create(invoice({ customer: { id: 'cust_ghost' } })).catch((e: unknown) => e);
    expect(UnknownReferenceError.isInstance(error)).toBe(true);
    expect((error as UnknownReferenceError).field).toBe('invoice.customerId');
    expect(attempts('POST', '/api/v1/invoices')).toHaveLength(1);
  });
});

describe('Flowglad totals read back', () => {
  // A current subscription invoice (JPY: Flowglad and ISO both count whole yen): lines 3000 × 1 + 5 × 300.
  const fixture = JSON.parse(
    readFileSync(new URL('./fixtures/get.current.subscription-usage.json', import.meta.url), 'utf8'),
  ) as { invoice: Record<string, unknown>; invoiceLineItems: unknown[] };
  const record = (subtotal: number | null, type: 'subscription' | 'standalone', taxAmount = 80) => {
    const copy = structuredClone(fixture);
    Object.assign(copy.invoice, { subtotal, taxAmount });
    if (type === 'standalone')
      Object.assign(copy.invoice, { type, subscriptionId: null, billingPeriodId: null });
    return copy;
  };

  it("uses the record's subtotal (after the subscription's discount) when it has one", () => {
    // 4500 of lines, 1000 off: Flowglad stores subtotal 3500.
    const { value, warnings } = fromProvider(record(3500, 'subscription'));
    expect(value.total).toBe(3500 + 80);
    expect(warnings.filter((w) => w.path === 'total')).toEqual([]);
  });

  it('computes Σ lines + tax otherwise, and warns at total when a subscription discount may apply', () => {
    const sub = fromProvider(record(null, 'subscription'));
    expect(sub.value.total).toBe(3000 + 5 * 300 + 80);
    expect(sub.warnings).toContainEqual(expect.objectContaining({ code: 'approximated', path: 'total' }));
    const standalone = fromProvider(record(null, 'standalone'));
    expect(standalone.value.total).toBe(3000 + 5 * 300 + 80);
    expect(standalone.warnings.filter((w) => w.path === 'total')).toEqual([]);
  });
});
