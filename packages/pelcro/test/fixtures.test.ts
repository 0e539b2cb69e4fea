import { describe, expect, it } from 'vitest';
import { pelcro } from '../src/index';
import { PelcroInvoiceCreateBody } from '../src/wire';
import card13 from './fixtures/card-13-request.json';
import { postRaw, sampleInvoice, startPelcro } from './helpers';

describe('card §13 minimal request', () => {
  it('is a valid create body under the wire schema', () => {
    expect(PelcroInvoiceCreateBody.safeParse(card13.body).success).toBe(true);
  });

  it('is exactly what the adapter sends for the equivalent canonical invoice', () => {
    const { request, warnings } = pelcro.toCreateRequest(sampleInvoice(), { siteId: 1234 });
    expect(request).toEqual({ query: card13.query, body: card13.body });
    expect(warnings).toEqual([]);
  });

  it('reads back into the same canonical invoice and maps forward unchanged', () => {
    const { value } = pelcro.fromProvider({ query: card13.query, body: card13.body });
    expect(value).toMatchObject({
      currency: 'USD',
      customer: { id: '987654' },
      period: { start: '2025-01-01T00:00:00.000Z', end: '2025-02-01T00:00:00.000Z' },
      dueAt: '2025-01-08T00:00:00.000Z',
      lines: [
        { description: 'Back issue bundle', quantity: 2, unitAmount: 1500 },
        { description: 'Handling', quantity: 1, unitAmount: 500, tax: { name: 'GST', ratePercent: '5' } },
      ],
    });
    expect(pelcro.toCreateRequest(value, { siteId: 1234 }).request.body).toEqual(card13.body);
  });

  it('runs unchanged against the fake, which totals it in cents', async () => {
    const fake = await startPelcro();
    try {
      const answer = await postRaw(fake, card13.body, { siteId: card13.query.site_id });
      expect(answer.status).toBe(201);
      // 2 × 1500 + 1 × 500, plus 5 % GST on the 500 line = 3525.
      expect(answer.body).toMatchObject({
        data: { object: 'invoice', currency: 'usd', total: 3525, amount_due: 3525 },
      });
    } finally {
      await fake.close();
    }
  });
});
