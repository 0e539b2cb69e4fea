/**
 * Must-show: lines as Pelcro takes them ("create bills": quantity > 0, unit_price >= 0; Stripe-shaped
 * invoices with whole quantities). A fractional (or zero) quantity is folded into one unit at the line's
 * exact amount with an `approximated` warning; a negative line is refused by name. The fake enforces the same.
 */
import { computeTotals, LossyMappingError, ValidationError } from '@billbridge/core';
import type { RunningFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import type { PelcroFakeState } from '../src/testing';
import { clientFor, postRaw, sampleInvoice, startPelcro } from './helpers';

const site = { siteId: 1234 };

let fake: RunningFake<PelcroFakeState> | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function refusal(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('fractional quantities (adapter)', () => {
  it('2.5 × 19.99 goes out as 1 × 49.98, the line’s exact amount, with a warning; strict refuses', () => {
    const doc = sampleInvoice({ lines: [{ description: 'Metered', quantity: '2.5', unitAmount: 1999 }] });
    const { request, warnings } = pelcro.toCreateRequest(doc, site);
    // 2.5 × 1999 = 4997.5 cents, rounded once, half away from zero (canonical line amount): 4998.
    expect(request.body.line_items).toEqual([{ description: 'Metered', unit_price: 4998, quantity: 1 }]);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'approximated',
        path: 'lines[0].quantity',
        message: expect.stringContaining('1 × 4998'),
      }),
    ]);
    let error: unknown;
    try {
      pelcro.toCreateRequest(doc, { ...site, strict: true });
    } catch (e) {
      error = e;
    }
    expect(LossyMappingError.isInstance(error)).toBe(true);
  });

  it('a zero quantity goes out as one unit at zero (Pelcro needs quantity > 0), with a warning', () => {
    const { request, warnings } = pelcro.toCreateRequest(
      sampleInvoice({ lines: [{ description: 'Sample copy', quantity: 0, unitAmount: 900 }] }),
      site,
    );
    expect(request.body.line_items).toEqual([{ description: 'Sample copy', unit_price: 0, quantity: 1 }]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'lines[0].quantity' })]);
  });

  it('keeps the line’s tax on the folded line (the amount it is computed on is unchanged)', () => {
    const { request } = pelcro.toCreateRequest(
      sampleInvoice({
        lines: [{ quantity: 1.5, unitAmount: 1000, tax: { name: 'HST', ratePercent: '13' } }],
      }),
      site,
    );
    expect(request.body.line_items).toEqual([
      { unit_price: 1500, quantity: 1, tax_name: 'HST', tax_rate: 13 },
    ]);
  });
});

describe('negative lines (adapter)', () => {
  it('a negative unit price is refused before sending, naming the line and the fix', async () => {
    const doc = sampleInvoice({
      lines: [
        { description: 'Subscription', quantity: 1, unitAmount: 5000 },
        { description: 'Loyalty discount', quantity: 1, unitAmount: -500 },
      ],
    });
    const error = refusal(() => pelcro.toCreateRequest(doc, site));
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'lines[1].unitAmount',
        code: 'pelcro_negative_line',
        message: expect.stringContaining('Loyalty discount'),
      }),
    ]);
    fake = await startPelcro();
    await expect(clientFor(fake).create(doc)).rejects.toSatisfy((e) => ValidationError.isInstance(e));
    expect(fake.records).toHaveLength(0);
  });

  it('a negative sub-minor unit price is refused at unitAmountDecimal, alongside the other refusals', () => {
    const error = refusal(() =>
      pelcro.toCreateRequest(
        sampleInvoice({
          dueAt: '2024-01-01T00:00:00Z',
          lines: [{ quantity: 3, unitAmountDecimal: '-0.5' }],
        }),
        site,
      ),
    );
    expect(error.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual([
      'dueAt pelcro_due_before_period_start',
      'lines[0].unitAmountDecimal pelcro_negative_line',
    ]);
  });

  it('a quantity beyond int32 is refused at the line’s quantity, even at a zero price', () => {
    const error = refusal(() =>
      pelcro.toCreateRequest(sampleInvoice({ lines: [{ quantity: 3_000_000_000, unitAmount: 0 }] }), site),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'lines[0].quantity', code: 'pelcro_int32' }),
    ]);
  });

  it('a zero unit price is a line Pelcro takes as it is', () => {
    const { request, warnings } = pelcro.toCreateRequest(
      sampleInvoice({ lines: [{ description: 'Free issue', quantity: 2, unitAmount: 0 }] }),
      site,
    );
    expect(request.body.line_items).toEqual([{ description: 'Free issue', unit_price: 0, quantity: 2 }]);
    expect(warnings).toEqual([]);
  });
});

describe('the fake enforces the same line rules', () => {
  const body = (item: Record<string, unknown>) => ({
    currency: 'usd',
    customer_id: 987654,
    line_items: [item],
  });

  it('refuses fractional, zero and negative quantities and negative unit prices with Pelcro’s field errors', async () => {
    fake = await startPelcro();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ unit_price: 1999, quantity: 2.5 }, 'line_items.0.quantity'],
      [{ unit_price: 1999, quantity: 0 }, 'line_items.0.quantity'],
      [{ unit_price: 1999, quantity: -1 }, 'line_items.0.quantity'],
      [{ unit_price: -500, quantity: 1 }, 'line_items.0.unit_price'],
      [{ unit_price: 19.99, quantity: 1 }, 'line_items.0.unit_price'],
    ];
    for (const [item, field] of cases) {
      const answer = await postRaw(fake, body(item));
      expect(answer.status, JSON.stringify(item)).toBe(400);
      expect(Object.keys((answer.body as { errors: object }).errors)).toEqual([field]);
    }
    expect(fake.records).toHaveLength(0);
    expect((await postRaw(fake, body({ unit_price: 0, quantity: 1 }))).status).toBe(201);
  });

  it('takes the folded line: the client’s fractional invoice is created with its exact total', async () => {
    fake = await startPelcro();
    const doc = sampleInvoice({
      lines: [
        { description: 'Metered', quantity: '2.5', unitAmount: 1999 },
        { description: 'Print', quantity: 2, unitAmount: 1500 },
      ],
    });
    const { value, raw, requestWarnings } = await clientFor(fake).create(doc);
    expect(raw.line_items).toMatchObject([
      { unit_price: 4998, quantity: 1 },
      { unit_price: 1500, quantity: 2 },
    ]);
    expect(value.total).toBe(computeTotals(pelcro.fromProvider(raw).value).total);
    expect(value.total).toBe(4998 + 3000);
    expect(requestWarnings?.map((w) => w.path)).toEqual(['lines[0].quantity']);
  });
});
