/**
 * zod stays off the hot paths: importing the package and mapping, reading and creating valid documents
 * never builds a schema (so never loads zod). This file imports nothing that loads zod itself: not the
 * fake, not @billbridge/testing's main entry; the server below is its zod-free canned one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isZodLoaded } from '@billbridge/core';
import {
  type CannedServer,
  type FakeRequest,
  type FakeResponse,
  startCannedServer,
} from '@billbridge/testing/canned-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowgladClient, flowglad } from '../src/index';
import { invoice, TEST_KEY } from './helpers';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

const stored = new Map<string, unknown>();

/** Answers a create with the record Flowglad would store (ids and timestamps added), kept for GETs. */
function createAnswer(req: FakeRequest): FakeResponse {
  const body = req.body as {
    invoice: Record<string, unknown>;
    invoiceLineItems: Array<Record<string, unknown>>;
  };
  const id = `inv_${stored.size + 1}`;
  const meta = { createdAt: 1772323200000, updatedAt: 1772323200000, livemode: false };
  const record = {
    invoice: { ...body.invoice, ...meta, id, organizationId: 'org_1', pricingModelId: 'pm_1' },
    invoiceLineItems: body.invoiceLineItems.map((item, i) => ({
      ...item,
      ...meta,
      id: `inv_li_${i}`,
      invoiceId: id,
      ledgerAccountId: null,
      ledgerAccountCredit: null,
    })),
  };
  stored.set(id, record);
  return { status: 200, body: record };
}

describe('zod is not loaded by a valid document', () => {
  let server: CannedServer;
  beforeAll(async () => {
    server = await startCannedServer({
      'POST /api/v1/invoices': createAnswer,
      // Error answers as Flowglad's REST wrapper sends them: zod issues under `error`, and plain text on 401.
      'GET /api/v1/invoices/inv_bad': {
        status: 400,
        body: {
          error: [{ code: 'invalid_type', path: ['id'], message: 'Expected an invoice id' }],
          code: 'BAD_REQUEST',
        },
      },
      'GET /api/v1/invoices/inv_locked': { status: 401, text: 'Unauthorized' },
      'GET /api/v1/invoices/:id': (req) => {
        const record = stored.get(req.params.id ?? '');
        return record === undefined
          ? { status: 404, body: { error: 'NOT_FOUND' } }
          : { status: 200, body: record };
      },
    });
  });
  afterAll(() => server.close());

  it('through toCreateRequest, fromProvider (request, GET record, list record), the client and its error answers', async () => {
    expect(isZodLoaded()).toBe(false);

    // Mapping, with Flowglad provider options given (their reader resolves them).
    const doc = invoice({
      subscription: { id: 'sub_1' },
      period: { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' },
      providerOptions: { flowglad: { billingPeriodId: 'billing_period_1', bankPaymentOnly: true } },
    });
    const { request } = flowglad.toCreateRequest(doc);
    expect(request.invoice.type).toBe('subscription');
    expect(flowglad.fromProvider(request).value.lines).toHaveLength(2);
    expect(flowglad.toCreateRequest(invoice()).request.invoice.type).toBe('standalone');

    // Every current GET fixture, and a bare list record.
    for (const name of ['get.current.purchase', 'get.current.standalone', 'get.current.subscription-usage']) {
      expect(flowglad.fromProvider(fixture(name)).value.provider).toBe('flowglad');
    }
    const page = fixture('list.current.page') as { data: unknown[] };
    expect(flowglad.fromProvider(page.data[0]).value.provider).toBe('flowglad');

    // The client: options resolved, a create verified against the answer, and a read back.
    const client = createFlowgladClient({ apiKey: TEST_KEY, baseUrl: server.url, maxRetries: 0 });
    const created = await client.create(doc);
    expect(created.value.id).toBe('inv_1');
    const read = await client.get('inv_1');
    expect(read.value.total).toBe(created.value.total);

    // Error answers: a JSON 404, zod issues on a 400, a text 401; each mapped without the schema.
    await expect(client.get('inv_404')).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
    await expect(client.get('inv_bad')).rejects.toMatchObject({
      status: 400,
      fieldIssues: [{ field: 'id', message: 'Expected an invoice id' }],
    });
    await expect(client.get('inv_locked')).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Unauthorized'),
    });
    // What reached the server: the create, with both lines, then one request per read.
    expect(server.calls()).toEqual([
      'POST /api/v1/invoices',
      'GET /api/v1/invoices/inv_1',
      'GET /api/v1/invoices/inv_404',
      'GET /api/v1/invoices/inv_bad',
      'GET /api/v1/invoices/inv_locked',
    ]);
    expect(server.received[0]?.body).toMatchObject({ invoiceLineItems: [{}, {}] });

    expect(isZodLoaded()).toBe(false);
  });
});

describe('no value import of zod in src/', () => {
  it('imports zod for types only', () => {
    const dir = new URL('../src/', import.meta.url);
    const offenders = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => {
        const text = readFileSync(new URL(name, dir), 'utf8');
        return /^import\s+(?!type\b)[^;]*from\s+'zod'/m.test(text) || /require\(['"]zod['"]\)/.test(text);
      });
    expect(offenders).toEqual([]);
  });
});
