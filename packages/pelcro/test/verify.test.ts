/**
 * Verified creates: a 2xx that cannot be read is ambiguous (never "not created"), and what Pelcro stored is
 * compared with what was sent (currency, line count, line amounts, total, old_provider_id, the imported
 * flag). The value returned is Pelcro's answer, not the request echoed.
 */
import { AmbiguousResultError, IntegrityError, ValidationError } from '@billbridge/core';
import type { RunningFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createPelcroClient } from '../src/index';
import type { PelcroFakeState } from '../src/testing';
import { API_KEY, clientFor, SITE_ID, sampleInvoice, startPelcro } from './helpers';
import { type RawServer, startRawServer } from './raw-server';

let fake: RunningFake<PelcroFakeState> | undefined;
let raw: RawServer | undefined;
afterEach(async () => {
  await fake?.close();
  await raw?.close();
  fake = undefined;
  raw = undefined;
});

type Item = { unit_price: number; quantity: number; tax_rate?: number };

/** Stores what it is sent, after `alter`, and answers the stored invoice (create) or reads it back (get). */
function storingPelcro(alter: (invoice: Record<string, unknown>) => void, answerAltered = true) {
  const stored: Record<string, unknown>[] = [];
  return (req: { method: string; path: string; body: unknown }) => {
    if (req.method === 'POST') {
      const body = req.body as { currency: string; line_items: Item[] };
      const items = body.line_items.map((item) => ({ ...item, amount: item.unit_price * item.quantity }));
      const invoice: Record<string, unknown> = {
        ...body,
        object: 'invoice',
        id: 900 + stored.length,
        customer_id: 987654,
        line_items: items,
        // Lines plus each line's tax rounded to the unit (all positive here).
        total: items.reduce(
          (sum, item) => sum + item.amount + Math.round((item.amount * (item.tax_rate ?? 0)) / 100),
          0,
        ),
      };
      const faithful = structuredClone(invoice);
      alter(invoice);
      stored.push(invoice);
      return { status: 201, body: { data: answerAltered ? invoice : faithful } };
    }
    const id = Number(req.path.split('/').pop());
    return { status: 200, body: { data: stored.find((i) => i.id === id) } };
  };
}

const rawClient = (url: string, verify?: 'response' | 'read-back') =>
  createPelcroClient({
    apiKey: API_KEY,
    siteId: SITE_ID,
    baseUrl: url,
    maxRetries: 0,
    ...(verify && { verify }),
  });

const isk = sampleInvoice({
  currency: 'ISK',
  lines: [{ description: 'Áskrift', quantity: 2, unitAmount: 1500 }],
});

describe('verified creates', () => {
  it('a 2xx HTML answer is AmbiguousResultError carrying the request and externalId; the invoice exists', async () => {
    fake = await startPelcro();
    fake.faults.set({ script: ['created_then_garbled'] });
    const error = await clientFor(fake, { maxRetries: 3 })
      .create(sampleInvoice({ externalId: 'inv-77' }))
      .catch((e: unknown) => e);
    expect(AmbiguousResultError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(error)).toBe(false);
    expect((error as AmbiguousResultError).externalId).toBe('inv-77');
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(fake.records).toHaveLength(1);
    expect(fake.records[0]).toMatchObject({ old_provider_id: 'inv-77' });
  });

  it('an empty or wrongly shaped 2xx is ambiguous too', async () => {
    for (const body of [{}, { data: { id: 'not-a-number' } }, []]) {
      raw = await startRawServer(() => ({ status: 201, body }));
      const error = await rawClient(raw.url)
        .create(sampleInvoice())
        .catch((e: unknown) => e);
      expect(AmbiguousResultError.isInstance(error), JSON.stringify(body)).toBe(true);
      await raw.close();
      raw = undefined;
    }
  });

  it('a Pelcro that stored ISK in ISO units (100× too small) is an IntegrityError naming the invoice', async () => {
    raw = await startRawServer(
      storingPelcro((invoice) => {
        const items = invoice.line_items as Array<Item & { amount: number }>;
        for (const item of items) {
          item.unit_price /= 100;
          item.amount /= 100;
        }
        invoice.total = (invoice.total as number) / 100;
      }),
    );
    const error = await rawClient(raw.url)
      .create(isk)
      .catch((e: unknown) => e);
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect((error as IntegrityError).createdId).toBe('900');
    // Canonical units: 2 × 1,500 kr sent; 30 kr stored.
    expect((error as IntegrityError).differences).toEqual([
      { path: 'lines[0].amount', expected: 3000, actual: 30 },
      { path: 'total', expected: 3000, actual: 30 },
    ]);
    expect(raw.requests[0]?.body).toMatchObject({ line_items: [expect.anything()] });
    expect((raw.requests[0]!.body as { line_items: Item[] }).line_items[0]).toMatchObject({
      unit_price: 150000,
      quantity: 2,
    });
  });

  it('another currency, a lost line or a changed old_provider_id are differences too', async () => {
    raw = await startRawServer(
      storingPelcro((invoice) => {
        invoice.currency = 'cad';
        invoice.line_items = (invoice.line_items as unknown[]).slice(0, 1);
        invoice.old_provider_id = 'something-else';
      }),
    );
    const error = await rawClient(raw.url)
      .create(sampleInvoice({ externalId: 'inv-9' }))
      .catch((e: unknown) => e);
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect((error as IntegrityError).differences.map((d) => d.path)).toEqual([
      'currency',
      'lines.length',
      'externalId',
    ]);
  });

  it('read-back compares the stored record when the create answer looks right', async () => {
    // The create answers what was sent; the stored record lost the second line.
    const handler = storingPelcro((invoice) => {
      invoice.line_items = (invoice.line_items as unknown[]).slice(0, 1);
      invoice.total = 3000;
    }, false);
    raw = await startRawServer(handler);
    await expect(rawClient(raw.url, 'response').create(sampleInvoice())).resolves.toMatchObject({
      value: { total: 3525 },
    });
    const error = await rawClient(raw.url, 'read-back')
      .create(sampleInvoice())
      .catch((e: unknown) => e);
    expect(IntegrityError.isInstance(error)).toBe(true);
    expect((error as IntegrityError).differences).toEqual([
      { path: 'lines.length', expected: 2, actual: 1 },
      { path: 'total', expected: 3525, actual: 3000 },
    ]);
    expect(raw.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET']);
  });

  it('returns what Pelcro answered, not the request echoed', async () => {
    raw = await startRawServer(
      storingPelcro((invoice) => {
        invoice.status = 'open';
        invoice.old_provider_id = 'inv-5';
        (invoice.line_items as Array<{ description?: string }>)[0]!.description = 'Renamed by Pelcro';
      }),
    );
    const { value, raw: answer } = await rawClient(raw.url).create(
      sampleInvoice({ status: 'draft', externalId: 'inv-5' }),
    );
    expect(answer.id).toBe(900);
    expect(value).toMatchObject({ id: '900', status: 'open', externalId: 'inv-5' });
    expect(value.lines[0]?.description).toBe('Renamed by Pelcro');
  });
});
