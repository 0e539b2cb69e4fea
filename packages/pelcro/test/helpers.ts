import type { InvoiceInput } from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { createPelcroClient, type PelcroClientConfig } from '../src/index';
import { type PelcroFakeSeed, type PelcroFakeState, pelcroFake } from '../src/testing';

export const API_KEY = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.test-key-pelcro';
export const SITE_ID = 1234;

export async function startPelcro(seed?: PelcroFakeSeed): Promise<RunningFake<PelcroFakeState>> {
  return startFake(pelcroFake, seed ? { seed } : {});
}

export function clientFor(fake: RunningFake<PelcroFakeState>, extra: Partial<PelcroClientConfig> = {}) {
  return createPelcroClient({ apiKey: API_KEY, siteId: SITE_ID, baseUrl: fake.url, maxRetries: 0, ...extra });
}

/** Raw HTTP to the fake, bypassing the adapter: what Pelcro itself says about a body. */
export async function postRaw(
  fake: RunningFake<PelcroFakeState>,
  body: unknown,
  { siteId = SITE_ID as number | string | null, auth = `Bearer ${API_KEY}` } = {},
): Promise<{ status: number; body: unknown }> {
  const query = siteId === null ? '' : `?site_id=${siteId}`;
  const response = await fetch(`${fake.url}/api/v1/core/invoices${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export function sampleInvoice(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    currency: 'USD',
    customer: { id: '987654' },
    status: 'open',
    billingReason: 'manual',
    period: { start: '2025-01-01T00:00:00Z', end: '2025-02-01T00:00:00Z' },
    dueAt: '2025-01-08T00:00:00Z',
    lines: [
      { description: 'Back issue bundle', quantity: 2, unitAmount: 1500 },
      { description: 'Handling', quantity: 1, unitAmount: 500, tax: { name: 'GST', ratePercent: '5' } },
    ],
    ...overrides,
  };
}
