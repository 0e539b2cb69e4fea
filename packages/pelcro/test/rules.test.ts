/**
 * Must-show: every documented create rule, twice. The fake (raw HTTP, no adapter) rejects the bad body
 * with Pelcro's `{ errors }` map; the adapter refuses the equivalent canonical document before any
 * request leaves (the transport's event hook sees no attempt).
 */
import {
  InvalidRequestError,
  type InvoiceInput,
  MissingRequiredFieldError,
  type TransportEvent,
  ValidationError,
} from '@billbridge/core';
import type { RunningFake } from '@billbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import type { PelcroFakeState } from '../src/testing';
import card13 from './fixtures/card-13-request.json';
import { clientFor, postRaw, sampleInvoice, startPelcro } from './helpers';

type Body = Record<string, unknown>;
const base = (): Body => structuredClone(card13.body) as Body;
const withItem = (item: Body): Body => ({ ...base(), line_items: [item] });
const BIG = 2_147_483_648;

interface Rule {
  rule: string;
  /** The bad body as sent straight to the fake, and the field its `errors` map must name. */
  raw: Body;
  field: string;
  /** The canonical document that would produce it, and what the adapter throws. */
  doc: InvoiceInput;
  refusal: 'validation' | 'missing';
  path: string;
}

const rules: Rule[] = [
  {
    rule: 'unit_price must be >= 0 ("create bills")',
    raw: withItem({ unit_price: -500, quantity: 1 }),
    field: 'line_items.0.unit_price',
    doc: sampleInvoice({ lines: [{ quantity: 1, unitAmount: -500 }] }),
    refusal: 'validation',
    path: 'lines[0].unitAmount',
  },
  {
    rule: 'timestamps are int32 epoch seconds: nothing past 2038-01-19T03:14:07Z',
    raw: { ...base(), period_end: BIG },
    field: 'period_end',
    doc: sampleInvoice({ period: { start: '2025-01-01T00:00:00Z', end: '2038-01-19T03:14:08Z' } }),
    refusal: 'validation',
    path: 'period.end',
  },
  {
    rule: 'a due date past int32 epoch seconds',
    raw: { ...base(), due_date: BIG + 86_400 },
    field: 'due_date',
    doc: sampleInvoice({ dueAt: '2038-01-20T03:14:07Z' }),
    refusal: 'validation',
    path: 'dueAt',
  },
  {
    rule: 'currency is required',
    raw: (({ currency: _c, ...rest }) => rest)(base()),
    field: 'currency',
    doc: (({ currency: _c, ...rest }) => rest as InvoiceInput)(sampleInvoice()),
    refusal: 'validation',
    path: 'currency',
  },
  {
    rule: 'currency is a lower-case ISO 4217 code',
    raw: { ...base(), currency: 'dollars' },
    field: 'currency',
    doc: sampleInvoice({ currency: 'DOLLARS' }),
    refusal: 'validation',
    path: 'currency',
  },
  {
    rule: 'line_items or total',
    raw: (({ line_items: _l, ...rest }) => rest)(base()),
    field: 'total',
    doc: sampleInvoice({ lines: [] }),
    refusal: 'validation',
    path: 'lines',
  },
  {
    rule: 'each line item needs unit_price',
    raw: withItem({ description: 'x', quantity: 1 }),
    field: 'line_items.0.unit_price',
    doc: sampleInvoice({ lines: [{ description: 'x', quantity: 1 }] }),
    refusal: 'validation',
    path: 'lines[0].unitAmount',
  },
  {
    rule: 'each line item needs quantity',
    raw: withItem({ description: 'x', unit_price: 100 }),
    field: 'line_items.0.quantity',
    doc: sampleInvoice({ lines: [{ description: 'x', unitAmount: 100 } as never] }),
    refusal: 'validation',
    path: 'lines[0].quantity',
  },
  {
    rule: 'tax_name requires tax_rate',
    raw: withItem({ unit_price: 100, quantity: 1, tax_name: 'GST' }),
    field: 'line_items.0.tax_rate',
    doc: sampleInvoice({ lines: [{ quantity: 1, unitAmount: 100, tax: { name: 'GST' } }] }),
    refusal: 'validation',
    path: 'lines[0].tax.ratePercent',
  },
  {
    rule: 'tax_rate requires tax_name',
    raw: withItem({ unit_price: 100, quantity: 1, tax_rate: 5 }),
    field: 'line_items.0.tax_name',
    doc: sampleInvoice({ lines: [{ quantity: 1, unitAmount: 100, tax: { ratePercent: '5' } }] }),
    refusal: 'validation',
    path: 'lines[0].tax.name',
  },
  {
    rule: 'total is int32',
    raw: (({ line_items: _l, ...rest }) => ({ ...rest, total: BIG }))(base()),
    field: 'total',
    doc: sampleInvoice({ lines: [], total: BIG }),
    refusal: 'validation',
    path: 'total',
  },
  {
    rule: 'unit_price is int32',
    raw: withItem({ unit_price: BIG, quantity: 1 }),
    field: 'line_items.0.unit_price',
    doc: sampleInvoice({ lines: [{ quantity: 1, unitAmount: BIG }] }),
    refusal: 'validation',
    path: 'lines[0].unitAmount',
  },
  {
    rule: 'the invoice total of the lines is int32',
    raw: {
      ...base(),
      line_items: [
        { unit_price: 2_000_000_000, quantity: 1 },
        { unit_price: 200_000_000, quantity: 1 },
      ],
    },
    field: 'total',
    doc: sampleInvoice({
      lines: [
        { quantity: 1, unitAmount: 2_000_000_000 },
        { quantity: 1, unitAmount: 200_000_000 },
      ],
    }),
    refusal: 'validation',
    path: 'lines',
  },
  {
    rule: 'a customer reference is required',
    raw: (({ customer_id: _c, ...rest }) => rest)(base()),
    field: 'customer_id',
    doc: sampleInvoice({ customer: { email: 'reader@example.com' } }),
    refusal: 'missing',
    path: 'customer',
  },
  {
    rule: 'customer_id is int32',
    raw: { ...base(), customer_id: BIG },
    field: 'customer_id',
    doc: sampleInvoice({ customer: { id: String(BIG) } }),
    refusal: 'validation',
    path: 'customer.id',
  },
  {
    rule: 'period_end is at or after period_start',
    raw: { ...base(), period_end: card13.body.period_start - 1, due_date: card13.body.period_start },
    field: 'period_end',
    doc: sampleInvoice({ period: { start: '2025-01-01T00:00:00Z', end: '2024-12-31T23:59:59Z' } }),
    refusal: 'validation',
    path: 'period.end',
  },
  {
    rule: 'due_date is at or after period_start',
    raw: { ...base(), due_date: card13.body.period_start - 1 },
    field: 'due_date',
    doc: sampleInvoice({ dueAt: '2024-12-31T23:59:59Z' }),
    refusal: 'validation',
    path: 'dueAt',
  },
  {
    rule: 'status is one of draft, open, paid, uncollectible, void',
    raw: { ...base(), status: 'past_due' },
    field: 'status',
    doc: sampleInvoice({ status: 'past_due' as never }),
    refusal: 'validation',
    path: 'status',
  },
  {
    rule: 'billing_reason is one of the five documented reasons',
    raw: { ...base(), billing_reason: 'refund' },
    field: 'billing_reason',
    doc: sampleInvoice({ billingReason: 'refund' as never }),
    refusal: 'validation',
    path: 'billingReason',
  },
  {
    rule: 'subscription_id is int32',
    raw: { ...base(), subscription_id: BIG },
    field: 'subscription_id',
    doc: sampleInvoice({ subscription: { id: String(BIG) } }),
    refusal: 'validation',
    path: 'subscription.id',
  },
  {
    rule: 'the shipments override is a non-negative int32',
    raw: { ...base(), plan_shipments_per_interval: -1 },
    field: 'plan_shipments_per_interval',
    doc: sampleInvoice({ providerOptions: { pelcro: { planShipmentsPerInterval: -1 } } }),
    refusal: 'validation',
    path: 'providerOptions.pelcro.planShipmentsPerInterval',
  },
  {
    rule: 'billing_address_id is int32',
    raw: { ...base(), billing_address_id: BIG },
    field: 'billing_address_id',
    doc: sampleInvoice({ providerOptions: { pelcro: { billingAddressId: BIG } } }),
    refusal: 'validation',
    path: 'providerOptions.pelcro.billingAddressId',
  },
];

describe('documented create rules: the fake rejects, the adapter refuses before sending', () => {
  let fake: RunningFake<PelcroFakeState>;
  const events: TransportEvent[] = [];
  beforeAll(async () => {
    fake = await startPelcro();
  });
  afterAll(() => fake.close());

  it('the valid baseline passes both', async () => {
    expect((await postRaw(fake, base())).status).toBe(201);
    expect(() => pelcro.toCreateRequest(sampleInvoice(), { siteId: 1234 })).not.toThrow();
  });

  it.each(rules)('$rule', async ({ raw, field, doc, refusal, path }) => {
    const before = fake.records.length;
    const answer = await postRaw(fake, raw);
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: Record<string, string[]> }).errors[field]?.length).toBeGreaterThan(0);
    expect(fake.records.length).toBe(before);

    events.length = 0;
    const client = clientFor(fake, { onEvent: (event) => events.push(event) });
    const error = await client.create(doc).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (refusal === 'validation') {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
    } else {
      expect(MissingRequiredFieldError.isInstance(error)).toBe(true);
      expect((error as MissingRequiredFieldError).path).toBe(path);
      expect((error as MissingRequiredFieldError).option).toBe('customerIds');
    }
    expect(events.filter((event) => event.type === 'attempt')).toEqual([]);
    expect(fake.records.length).toBe(before);
  });

  it('site_id is required: the fake answers 400, the adapter asks for the siteId option', async () => {
    const answer = await postRaw(fake, base(), { siteId: null });
    expect(answer).toMatchObject({ status: 400, body: { errors: { site_id: [expect.any(String)] } } });
    expect(() => pelcro.toCreateRequest(sampleInvoice())).toThrow(
      expect.objectContaining({ name: 'MissingRequiredFieldError', option: 'siteId' }),
    );
  });

  // A Pelcro id and an old-provider id naming different records can only be seen by Pelcro. The adapter
  // never sends such a pair: with a Pelcro id it sends only that id, and says the other is not sent.
  it.each([
    {
      what: 'customer',
      raw: { ...base(), customer_old_provider_id: 'legacy-cus-1001' },
      doc: sampleInvoice({ customer: { id: '987654', externalId: 'legacy-cus-1001' } }),
      field: 'customer_old_provider_id',
      path: 'customer.externalId',
    },
    {
      what: 'subscription',
      raw: { ...base(), subscription_id: 55501, subscription_old_provider_id: 'nope' },
      doc: sampleInvoice({ subscription: { id: '55501', externalId: 'nope' } }),
      field: 'subscription_old_provider_id',
      path: 'subscription.externalId',
    },
  ])(
    'both $what ids must name the same record: Pelcro checks, the adapter sends one',
    async ({ raw, doc, field, path }) => {
      const answer = await postRaw(fake, raw);
      expect([400, 404]).toContain(answer.status);
      expect((answer.body as { errors: Record<string, string[]> }).errors[field]).toBeDefined();
      const { request, warnings } = pelcro.toCreateRequest(doc, { siteId: 1234 });
      expect(request.body).not.toHaveProperty(field);
      expect(warnings).toContainEqual(expect.objectContaining({ code: 'unsupported', path }));
      const created = await clientFor(fake).create(doc);
      expect(created.raw).toBeDefined();
    },
  );

  it('an unknown customer is a 404 carrying an errors map, read as InvalidRequestError', async () => {
    const answer = await postRaw(fake, { ...base(), customer_id: 42 });
    expect(answer).toMatchObject({ status: 404, body: { errors: { customer_id: [expect.any(String)] } } });
    const error = await clientFor(fake)
      .create(sampleInvoice({ customer: { id: '42' } }))
      .catch((e: unknown) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, fieldIssues: [{ field: 'customer_id' }] });
  });
});
