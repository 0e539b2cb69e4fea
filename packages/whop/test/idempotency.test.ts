/**
 * Whop creates under injected faults: every create carries an Idempotency-Key derived from the document,
 * the fake replays a keyed POST's first answer (as Whop documents), so retries and resumed runs never
 * make a second invoice.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConflictError, IntegrityError, type InvoiceInput } from '@billbridge/core';
import { ALL_FAULT_KINDS, startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import { createWhopClient, toWhopCreateRequest, whopIdempotencyKey } from '../src/index';
import { WHOP_FAKE_DEFAULT_COMPANY, whopFake } from '../src/testing';

const apiKey = 'whop_sk_test_idempotency_5c1d';

function docFor(i: number): InvoiceInput {
  return {
    externalId: `src-inv-${i}`,
    currency: 'USD',
    customer: { email: `buyer${i}@example.com`, name: `Buyer ${i}` },
    dueAt: '2026-03-01T00:00:00Z',
    collection: { method: 'send_invoice' },
    lines: [{ description: `Seat ${i}`, quantity: 1 + (i % 3), unitAmount: 1_000 + i }],
  };
}

/** A client of the fake's default company (a fresh one is a resumed run: nothing shared but the key). */
function clientFor(fake: { url: string }, options: { maxRetries?: number } = {}) {
  return createWhopClient({
    apiKey,
    companyId: WHOP_FAKE_DEFAULT_COMPANY,
    baseUrl: `${fake.url}/api/v1`,
    ...options,
  });
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return out;
}

describe('Whop creates with Idempotency-Key', () => {
  it('the key of a document does not change between versions (a resumed run must send the same key)', () => {
    // Pinned from the release before issue #23's rework of the mapper and the hash (one-shot crypto.hash).
    const { request } = toWhopCreateRequest(docFor(7), { companyId: WHOP_FAKE_DEFAULT_COMPANY });
    expect(whopIdempotencyKey(WHOP_FAKE_DEFAULT_COMPANY, 'src-inv-7', request)).toBe(
      'billbridge-whop-60499260ef3f1c277578adbbf6dcc0c81a19e62f3feee546e07cd68b6b71468c',
    );
  });

  it('the create sends the key whopIdempotencyKey gives, and the very bytes it hashed', async () => {
    const fake = await startFake(whopFake);
    // A recording proxy in front of the fake: what went over the wire, byte for byte.
    const seen: Array<{ key: string | undefined; body: string }> = [];
    const proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST')
        seen.push({ key: req.headers['idempotency-key'] as string | undefined, body });
      const headers = { ...req.headers } as Record<string, string>;
      delete headers.host;
      delete headers['content-length'];
      const upstream = await fetch(`${fake.url}${req.url}`, {
        method: req.method,
        headers,
        ...(body ? { body } : {}),
      });
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'text/plain',
      });
      res.end(await upstream.text());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const client = createWhopClient({
        apiKey,
        companyId: WHOP_FAKE_DEFAULT_COMPANY,
        baseUrl: `http://127.0.0.1:${port}/api/v1`,
      });
      const doc = docFor(11);
      await client.create(doc);
      const { request } = toWhopCreateRequest(doc, { companyId: WHOP_FAKE_DEFAULT_COMPANY });
      expect(seen).toEqual([
        {
          key: whopIdempotencyKey(WHOP_FAKE_DEFAULT_COMPANY, 'src-inv-11', request),
          body: JSON.stringify(request),
        },
      ]);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
      await fake.close();
    }
  });

  it('1,000 creates under 20% injected faults: each document is created exactly once', async () => {
    const fake = await startFake(whopFake, {
      faults: { rate: 0.2, seed: 20261130, kinds: [...ALL_FAULT_KINDS], latencyMs: 5, retryAfterSeconds: 0 },
    });
    try {
      const client = clientFor(fake, { maxRetries: 6 });
      const docs = Array.from({ length: 1_000 }, (_, i) => docFor(i));
      const results = await pool(docs, 50, (doc) => client.create(doc));

      const injected = fake.faults.injected;
      // The run really was faulty, with every kind, including the ones that store and then fail.
      expect(injected.length).toBeGreaterThan(150);
      for (const kind of ALL_FAULT_KINDS) expect(injected.some((f) => f.kind === kind)).toBe(true);

      // Exactly one invoice per document: 1,000 records, 1,000 distinct keys, each the document's own key.
      const records = fake.state.invoices;
      expect(records).toHaveLength(1_000);
      const perKey = new Map<string, number>();
      for (const row of records) perKey.set(row.idempotencyKey!, (perKey.get(row.idempotencyKey!) ?? 0) + 1);
      expect(perKey.size).toBe(1_000);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);
      docs.forEach((doc, i) => {
        const { request } = toWhopCreateRequest(doc, { companyId: WHOP_FAKE_DEFAULT_COMPANY });
        const key = whopIdempotencyKey(WHOP_FAKE_DEFAULT_COMPANY, doc.externalId!, request);
        const stored = records.filter((row) => row.idempotencyKey === key);
        expect(stored).toHaveLength(1);
        // The client returned that very invoice, as Whop stored it.
        expect(results[i]!.raw.id).toBe(stored[0]!.invoice.id);
        expect(results[i]!.value.lines[0]?.unitAmount).toBe(1_000 + i);
      });
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('a resumed run sends the same keys: nothing is created twice', async () => {
    const fake = await startFake(whopFake);
    try {
      const client = clientFor(fake);
      const first = await client.create(docFor(1));
      const resumed = clientFor(fake);
      const again = await resumed.create(docFor(1));
      expect(again.raw).toEqual(first.raw);
      expect(fake.records).toHaveLength(1);
      // Another document, even with equal content, has its own reference and so its own invoice.
      await client.create({ ...docFor(1), externalId: 'src-inv-other' });
      expect(fake.records).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });

  it('a key reused with another request is a ConflictError, and nothing is created', async () => {
    const fake = await startFake(whopFake);
    try {
      const client = clientFor(fake);
      await client.create(docFor(6), { idempotencyKey: 'caller-key-6' });
      const changed = { ...docFor(6), lines: [{ description: 'Seat 6', quantity: 9, unitAmount: 1_006 }] };
      const error = await client.create(changed, { idempotencyKey: 'caller-key-6' }).catch((e: unknown) => e);
      expect(ConflictError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/different request/);
      expect(fake.records).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('documents without a reference are never merged: each call has its own key', async () => {
    const fake = await startFake(whopFake);
    try {
      const client = clientFor(fake);
      const { externalId: _drop, ...noRef } = docFor(2);
      await client.create(noRef);
      await client.create(noRef);
      expect(fake.records).toHaveLength(2);
    } finally {
      await fake.close();
    }
  });

  it('an unreadable 2xx is fetched again under the same key, not created again', async () => {
    const fake = await startFake(whopFake);
    try {
      const client = clientFor(fake);
      fake.faults.set({ script: ['created_then_garbled'] });
      const created = await client.create(docFor(3));
      expect(fake.records).toHaveLength(1);
      expect(created.raw.id).toBe(fake.state.invoices[0]!.invoice.id);
    } finally {
      await fake.close();
    }
  });

  it('a stored invoice that differs from what was sent is an IntegrityError naming it', async () => {
    const fake = await startFake(whopFake);
    try {
      const client = clientFor(fake);
      // A deployment that stores another price than it was sent (here: the fake's stored answer is altered).
      const original = whopFake.routes[0]!.handle;
      const route = whopFake.routes[0]!;
      route.handle = async (req, state) => {
        const answer = await original(req, state);
        const body = answer.body as { line_items: Array<{ unit_price: number; total: number }> };
        body.line_items[0]!.unit_price += 1;
        body.line_items[0]!.total += 1;
        return answer;
      };
      try {
        const error = await client.create(docFor(4)).catch((e: unknown) => e);
        expect(IntegrityError.isInstance(error)).toBe(true);
        expect((error as IntegrityError).createdId).toBe(fake.state.invoices[0]!.invoice.id);
        expect((error as IntegrityError).differences[0]?.path).toBe('lines[0].amount');
      } finally {
        route.handle = original;
      }
    } finally {
      await fake.close();
    }
  });
});

describe('collection.finalizeAt with send_invoice', () => {
  it('goes out as automatically_finalizes_at (a scheduled send) and reaches the fake', async () => {
    const fake = await startFake(whopFake);
    try {
      const client = clientFor(fake);
      const created = await client.create({
        ...docFor(5),
        collection: { method: 'send_invoice', finalizeAt: '2026-02-15T09:00:00Z' },
      });
      // Carried, not dropped (the only warning is that Whop has no place for the externalId).
      expect(created.warnings.map((w) => w.path)).toEqual(['externalId']);
      expect(fake.state.invoices[0]!.request).toMatchObject({
        collection_method: 'send_invoice',
        automatically_finalizes_at: '2026-02-15T09:00:00.000Z',
      });
    } finally {
      await fake.close();
    }
  });
});
