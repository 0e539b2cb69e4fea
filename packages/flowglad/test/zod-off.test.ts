/**
 * zod stays off the hot paths: importing the package and mapping, reading and creating valid documents
 * never builds a schema (so never loads zod). This file imports nothing that loads zod itself: not the
 * fake, not @billbridge/testing; the server below is plain node:http.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isZodLoaded } from '@billbridge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowgladClient, flowglad } from '../src/index';
import { invoice, TEST_KEY } from './helpers';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

/** Answers a create with the record Flowglad would store (ids and timestamps added), and GETs with it. */
function flowgladLike(req: IncomingMessage, res: ServerResponse, stored: Map<string, unknown>): void {
  let text = '';
  req.on('data', (chunk) => {
    text += chunk;
  });
  req.on('end', () => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST') {
      const body = JSON.parse(text) as {
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
      send(200, record);
      return;
    }
    const id = decodeURIComponent(req.url?.split('/').pop() ?? '');
    // Error answers as Flowglad's REST wrapper sends them: zod issues under `error`, and plain text on 401.
    if (id === 'inv_bad') {
      send(400, {
        error: [{ code: 'invalid_type', path: ['id'], message: 'Expected an invoice id' }],
        code: 'BAD_REQUEST',
      });
      return;
    }
    if (id === 'inv_locked') {
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('Unauthorized');
      return;
    }
    const record = stored.get(id);
    if (record === undefined) send(404, { error: 'NOT_FOUND' });
    else send(200, record);
  });
}

describe('zod is not loaded by a valid document', () => {
  const stored = new Map<string, unknown>();
  const server = createServer((req, res) => flowgladLike(req, res, stored));
  let baseUrl = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
    const client = createFlowgladClient({ apiKey: TEST_KEY, baseUrl, maxRetries: 0 });
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
