/**
 * The app's own test suite, run against Paid's offline fake with injected faults: what a user of
 * billbridge writes to test their code, with no account and no network.
 */
import { AuthenticationError } from '@billbridge/core';
import { createPaidClient } from '@billbridge/paid';
import { PAID_FAKE_DEFAULTS, paidFake } from '@billbridge/paid/testing';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoice } from '../invoice';
import { bill } from './billing';

let fake: RunningFake<unknown>;
beforeEach(async () => {
  fake = await startFake(paidFake);
});
afterEach(() => fake.close());

function client(maxRetries = 2) {
  return createPaidClient({
    apiKey: 'paid_example_key',
    baseUrl: fake.baseUrl,
    maxRetries,
    customerIds: { 'cust-42': PAID_FAKE_DEFAULTS.customers[0] },
    resolveProductId: () => PAID_FAKE_DEFAULTS.products[0],
  });
}

describe('billing against the Paid fake', () => {
  it('creates the invoice once', async () => {
    const outcome = await bill(client(), invoice);
    expect(outcome.status).toBe('created');
    expect(fake.records).toHaveLength(1);
  });

  it('rides out a 429 (the client waits for Retry-After and retries), storing one record', async () => {
    fake.faults.set({ script: ['rate_limit'], retryAfterSeconds: 0 });
    const outcome = await bill(client(), invoice);
    expect(outcome.status).toBe('created');
    expect(fake.faults.injected.map((f) => f.kind)).toEqual(['rate_limit']);
    expect(fake.records).toHaveLength(1);
  });

  it('a 503 on a create Paid cannot deduplicate: the app is told to check, not to resend', async () => {
    fake.faults.set({ script: ['unavailable'] });
    const outcome = await bill(client(), invoice);
    expect(outcome).toEqual({ status: 'check-before-resending', externalId: invoice.externalId });
    // Here the fake had stored nothing; the app's check would find no invoice and send it once more.
    expect(fake.records).toHaveLength(0);
  });

  it('"stored, then failed": the app is told to check, not to resend', async () => {
    fake.faults.set({ script: ['created_then_failed'] });
    const outcome = await bill(client(0), invoice);
    expect(outcome).toEqual({ status: 'check-before-resending', externalId: invoice.externalId });
    expect(fake.records).toHaveLength(1);
  });

  it('a refused key reaches the app as a typed AuthenticationError', async () => {
    await fake.close();
    fake = await startFake(paidFake, { seed: { apiKeys: ['paid_other_key'] } });
    const error = await bill(client(), invoice).catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).not.toContain('paid_example_key');
    expect(fake.records).toHaveLength(0);
  });
});
