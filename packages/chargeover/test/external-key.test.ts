/**
 * Finding an invoice by its external key the documented way, with the query as the fallback, and
 * duplicate recovery that does not rest on the wording of ChargeOver's error message.
 */
import { InvalidRequestError, type InvoiceInput, type TransportEvent } from '@billbridge/core';
import { type RunningFake, startFake } from '@billbridge/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { chargeover, createChargeOverClient, escapeWhereValue } from '../src/index';
import { type ChargeOverFakeSeed, type ChargeOverFakeState, chargeoverFake } from '../src/testing';

let fakes: RunningFake<ChargeOverFakeState>[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

async function setup(seed: ChargeOverFakeSeed = {}) {
  const fake = await startFake(chargeoverFake, { seed });
  fakes.push(fake);
  const events: TransportEvent[] = [];
  const client = createChargeOverClient({
    publicKey: 'pub-external-key',
    privateKey: 'priv-external-key-0123456789',
    baseUrl: fake.url,
    maxRetries: 2,
    onEvent: (e) => events.push(e),
  });
  await client.currencies();
  const requests = () =>
    events
      .filter((e) => e.type === 'attempt')
      .map((e) => {
        const url = new URL(e.url);
        return `${e.method} ${decodeURIComponent(url.pathname)}${url.search ? ` ${decodeURIComponent(url.searchParams.get('where') ?? '')}` : ''}`;
      });
  return { fake, client, requests };
}

const doc = (externalId: string): InvoiceInput => ({
  currency: 'USD',
  externalId,
  customer: { id: '1' },
  lines: [{ description: 'Plan', quantity: 1, unitAmount: 4900, product: { id: '6' } }],
});

describe('duplicate recovery', () => {
  it('finds the stored invoice with GET /api/v3/invoice/external_key:<key>', async () => {
    const { fake, client, requests } = await setup();
    fake.faults.set({ script: ['created_then_failed'] });
    const result = await client.create(doc('batch 7, row 12'));
    expect(result.existing).toBe(true);
    expect(result.value.externalId).toBe('batch 7, row 12');
    expect(fake.records).toHaveLength(1);
    expect(requests()).toContain('GET /api/v3/invoice/external_key:batch 7, row 12');
    expect(requests().some((r) => r.startsWith('GET /api/v3/invoice external_key'))).toBe(false);
  });

  it('falls back to the query, commas escaped, only where the documented form fails', async () => {
    const { fake, client, requests } = await setup({ externalKeyPath: false });
    fake.faults.set({ script: ['created_then_failed'] });
    const result = await client.create(doc('batch 7, row 12'));
    expect(result.existing).toBe(true);
    expect(fake.records).toHaveLength(1);
    const lookups = requests().filter((r) => r.includes('external_key'));
    expect(lookups).toEqual([
      'GET /api/v3/invoice/external_key:batch 7, row 12',
      'GET /api/v3/invoice external_key:EQUALS:batch 7\\, row 12',
    ]);
  });

  it('does not depend on the wording of the duplicate-key message', async () => {
    // A message that names neither the key nor a duplicate.
    const { fake, client } = await setup({ duplicateKeyMessage: 'Invalid data.' });
    fake.faults.set({ script: ['created_then_failed'] });
    const result = await client.create(doc('order-7781'));
    expect(result.existing).toBe(true);
    expect(fake.records).toHaveLength(1);
    // An invoice with the key from an earlier run is found the same way, and nothing more is created.
    const again = await client.create(doc('order-7781'));
    expect(again.existing).toBe(true);
    expect(again.value.id).toBe(result.value.id);
    expect(fake.records).toHaveLength(1);
  });

  it('a refusal with no invoice behind the key is the original error', async () => {
    const { fake, client } = await setup();
    const error = await client.create({ ...doc('nobody'), customer: { id: '99' } }).catch((e) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/customer you specified does not exist/);
    expect(fake.records).toEqual([]);
  });

  it('an earlier invoice under the key that differs from this document is an IntegrityError', async () => {
    const { fake, client } = await setup();
    await client.create(doc('reused-key'));
    const error = await client
      .create({ ...doc('reused-key'), lines: [{ quantity: 2, unitAmount: 4900, product: { id: '6' } }] })
      .catch((e) => e);
    expect((error as Error).name).toBe('IntegrityError');
    expect(fake.records).toHaveLength(1);
  });
});

describe('where values', () => {
  it('escape commas as \\, (as chargeover_php does) and leave escaped ones alone', () => {
    expect(escapeWhereValue('a,b')).toBe('a\\,b');
    expect(escapeWhereValue('a\\,b')).toBe('a\\,b');
    expect(escapeWhereValue('plain')).toBe('plain');
  });

  it('a list condition with a comma in its value matches exactly that value', async () => {
    const { client } = await setup();
    await client.create({ ...doc('x'), memo: 'a, b' });
    await client.create({ ...doc('y'), memo: 'a' });
    const found: string[] = [];
    for await (const row of client.listHeaders({ where: 'memo:EQUALS:a, b' }))
      found.push(row.value.externalId!);
    expect(found).toEqual(['x']);
  });
});

describe('bill_addr3 (deprecated)', () => {
  it('is not sent; the third address line is reported', () => {
    const { request, warnings } = chargeover.toCreateRequest(
      {
        ...doc('addr'),
        customer: {
          id: '1',
          billingAddress: { line1: '1 Main St', line2: 'Suite 2', line3: 'Building C', city: 'Chicago' },
          shippingAddress: { line1: '9 Dock Rd', line3: 'Gate 4' },
        },
      },
      { currencyIds: { USD: 1 } },
    );
    expect(request).not.toHaveProperty('bill_addr3');
    expect(request).not.toHaveProperty('ship_addr3');
    expect(request).toMatchObject({
      bill_addr1: '1 Main St',
      bill_addr2: 'Suite 2',
      ship_addr1: '9 Dock Rd',
    });
    expect(warnings.filter((w) => w.path.endsWith('line3')).map((w) => [w.code, w.path])).toEqual([
      ['unsupported', 'customer.billingAddress.line3'],
      ['unsupported', 'customer.shippingAddress.line3'],
    ]);
  });
});
