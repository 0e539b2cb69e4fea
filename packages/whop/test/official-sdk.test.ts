/**
 * The official `@whop/sdk@0.0.42`, pointed at our fake, creates, retrieves and lists invoices: the fake
 * speaks Whop's paths, auth, version header and shapes as the SDK expects them, and our request is one the
 * SDK would send.
 */
import { type RunningFake, startFake } from '@billbridge/testing';
import Whop, { UnprocessableEntityError, AuthenticationError as WhopAuthenticationError } from '@whop/sdk';
import type { InvoiceCreateParams } from '@whop/sdk/resources/invoices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHOP_API_VERSION, whop } from '../src/index';
import { WHOP_FAKE_DEFAULT_COMPANY, type WhopFakeState, whopFake } from '../src/testing';
import cardExample from './fixtures/create-request.json';

let fake: RunningFake<WhopFakeState>;
let client: Whop;

beforeAll(async () => {
  fake = await startFake(whopFake);
  client = new Whop({
    apiKey: 'whop_sdk_test_key_5b7c',
    baseURL: `${fake.url}/api/v1`,
    version: WHOP_API_VERSION,
    maxRetries: 0,
  });
});
afterAll(() => fake.close());

describe('official Whop SDK against the fake', () => {
  it('creates the card example unchanged, retrieves it and lists it', async () => {
    const params = cardExample as InvoiceCreateParams;
    const created = await client.invoices.create(params, { maxRetries: 0 });
    expect(created).toMatchObject({
      status: 'open',
      email_address: 'customer@example.com',
      current_plan: { currency: 'usd', formatted_price: '$10.43' },
    });
    expect(created.line_items).toEqual([
      { label: 'Hours', position: 0, quantity: 1, total: 10.43, unit_price: 10.43 },
    ]);

    const retrieved = await client.invoices.retrieve(created.id);
    expect(retrieved).toEqual(created);

    const listed = [];
    for await (const invoice of client.invoices.list({ company_id: WHOP_FAKE_DEFAULT_COMPANY }))
      listed.push(invoice.id);
    expect(listed).toContain(created.id);
  });

  it('creates what our adapter builds, and auto-paginates with first/after', async () => {
    const { request } = whop.toCreateRequest(
      {
        currency: 'EUR',
        customer: { email: 'sdk@example.com', name: 'SDK' },
        dueAt: '2026-03-01T00:00:00Z',
        lines: [{ description: 'Licence', quantity: 3, unitAmount: 4_999 }],
        recurrence: { interval: 'week', count: 1 },
      },
      { companyId: WHOP_FAKE_DEFAULT_COMPANY },
    );
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await client.invoices.create(request)).id);
    const seen: string[] = [];
    for await (const invoice of client.invoices.list({
      company_id: WHOP_FAKE_DEFAULT_COMPANY,
      first: 1,
      statuses: ['open'],
    })) {
      seen.push(invoice.id);
    }
    for (const id of ids) expect(seen).toContain(id);
    const created = await client.invoices.retrieve(ids[0]!);
    expect(created.current_plan).toMatchObject({ currency: 'eur', formatted_price: '149.97 EUR' });
  });

  it("answers the SDK's error classes", async () => {
    const bad = {
      ...(cardExample as InvoiceCreateParams),
      line_items: [{ label: 'Hours', quantity: 2, unit_price: 10.43 }],
    };
    await expect(client.invoices.create(bad as InvoiceCreateParams)).rejects.toBeInstanceOf(
      UnprocessableEntityError,
    );
    const anonymous = new Whop({ apiKey: 'x', baseURL: `${fake.url}/api/v1`, maxRetries: 0 });
    const denied = await startFake(whopFake, { seed: { apiKeys: ['only-this-key'] } });
    try {
      const other = new Whop({ apiKey: 'not-that-key', baseURL: `${denied.url}/api/v1`, maxRetries: 0 });
      await expect(other.invoices.retrieve('inv_1')).rejects.toBeInstanceOf(WhopAuthenticationError);
    } finally {
      await denied.close();
    }
    await expect(anonymous.invoices.retrieve('inv_missing')).rejects.toMatchObject({ status: 404 });
  });
});
