import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Invoice, parseInvoice } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { migrate } from '../src/engine';
import { IdMapError, loadIdMaps } from '../src/id-map';
import { prepareForTarget } from '../src/prepare';
import { PROVIDERS } from '../src/providers';
import { quietDocument } from '../src/quiet';

async function file(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'bb-idmap-')), name);
  await writeFile(path, text);
  return path;
}

describe('CSV id maps (csv-parse)', () => {
  it('reads quoted fields with commas, quotes and newlines, and keeps whitespace inside fields', async () => {
    const path = await file(
      'ids.csv',
      'kind,source,target\n' +
        'customer,"Acme, Inc.",cus_1\n' +
        'product,"Plan ""Pro""",item_pro\n' +
        'product,"  Setup fee  ",item_setup\n' +
        'product,"two\nlines",item_2\n' +
        'item,*,item_default\n',
    );
    const maps = await loadIdMaps(path);
    expect(maps.customers).toEqual({ 'Acme, Inc.': 'cus_1' });
    expect(maps.products).toEqual({
      'Plan "Pro"': 'item_pro',
      '  Setup fee  ': 'item_setup',
      'two\nlines': 'item_2',
    });
    expect(maps.defaultProduct).toBe('item_default');
  });

  it('takes another delimiter; .tsv files use tabs', async () => {
    const semi = await file('ids.csv', 'kind;source;target\ncustomer;a,b;cus_1\n');
    expect((await loadIdMaps(semi, { delimiter: ';' })).customers).toEqual({ 'a,b': 'cus_1' });
    const tsv = await file('ids.tsv', 'kind\tsource\ttarget\nproduct\tPlan, yearly\titem_9\n');
    expect((await loadIdMaps(tsv)).products).toEqual({ 'Plan, yearly': 'item_9' });
    await expect(loadIdMaps(semi)).rejects.toThrow(/header must name the columns.*--id-map-delimiter/);
  });

  it('refuses an unterminated quote with the file', async () => {
    const bad = await file('ids.csv', 'kind,source,target\ncustomer,"open,cus_1\n');
    await expect(loadIdMaps(bad)).rejects.toThrow(IdMapError);
    await expect(loadIdMaps(bad)).rejects.toThrow(/ids\.csv: not valid CSV/);
  });

  it('lines get their item by product id, external id, description, else the default item', () => {
    const doc = parseInvoice({
      currency: 'USD',
      customer: { id: 'c1' },
      lines: [
        { description: 'Plan', quantity: 1, unitAmount: 100, product: { id: 'p_src' } },
        { description: 'Setup fee', quantity: 1, unitAmount: 50 },
        { description: 'constructor', quantity: 1, unitAmount: 10 },
        { quantity: 1, unitAmount: 5 },
      ],
    });
    const out = prepareForTarget(doc, {
      products: { p_src: '11', 'Setup fee': '12' },
      defaultProduct: '99',
    }) as Invoice;
    expect(out.lines.map((l) => l.product?.id)).toEqual(['11', '12', '99', '99']);
    // the source product id is kept as its external id
    expect(out.lines[0]?.product?.externalId).toBe('p_src');
  });
});

describe('quiet by default', () => {
  const doc = () =>
    ({
      currency: 'USD',
      customer: { id: 'c1' },
      collection: { method: 'charge_automatically', paymentMethodId: 'pm_1', autoSend: true },
      lines: [{ quantity: 1, unitAmount: 100 }],
    }) as Record<string, unknown>;

  it('switches off sending, turns charging into send-invoice, flags imported where the target has it', () => {
    const d = doc();
    const changes = quietDocument(d as never, { notify: false, importedSupported: true });
    expect(d.collection).toEqual({ method: 'send_invoice', autoSend: false });
    expect(d.imported).toBe(true);
    expect(changes.map((c) => c.path)).toEqual(['collection.method', 'collection.autoSend', 'imported']);
    const order = { autoSendBillingEmails: true, autoSendPaymentEmails: true, lines: [{ charges: [] }] };
    quietDocument(order as never, { notify: false, importedSupported: true });
    expect(order).toMatchObject({ autoSendBillingEmails: false, autoSendPaymentEmails: false });
    expect(order).not.toHaveProperty('imported');
  });

  it('--notify keeps the source as it is', () => {
    const d = doc();
    expect(quietDocument(d as never, { notify: true, importedSupported: true })).toEqual([]);
    expect(d).toEqual(doc());
  });

  it('a migration into Pelcro sends is_imported and no charge, and says so; --notify keeps the charge', async () => {
    const { startTarget } = await import('./helpers/targets');
    for (const notify of [false, true]) {
      const target = await startTarget('pelcro');
      try {
        const documents = [
          {
            id: 'src_1',
            currency: 'USD',
            customer: { id: 'cust_test_1' },
            collection: { method: 'charge_automatically', autoSend: true },
            lines: [{ description: 'Plan', quantity: 1, unitAmount: 1250 }],
          },
        ];
        const asGiven = structuredClone(documents);
        const { report } = await migrate({
          source: { kind: 'documents', documents },
          target: { adapter: PROVIDERS.pelcro.adapter, client: target.client, options: target.options },
          notify,
        });
        expect(report.created).toBe(1);
        // The caller's documents are theirs: the quiet defaults change only what is sent.
        expect(documents).toEqual(asGiven);
        const stored = target.fake.records[0] as { billing?: string; is_imported?: boolean };
        if (notify) {
          // nothing changed by the migration (what Pelcro then does with the charge is its own mapping)
          expect(report.quieted).toEqual([]);
        } else {
          expect(report.quieted.map((q) => q.path).sort()).toEqual([
            'collection.autoSend',
            'collection.method',
            'imported',
          ]);
          expect(stored).toMatchObject({ billing: 'send_invoice', is_imported: true });
        }
      } finally {
        await target.fake.close();
      }
    }
  });
});

describe("the source's own objects", () => {
  it("a list source's client keeps its objects as it handed them over (quiet defaults and id maps change copies)", async () => {
    const { startTarget } = await import('./helpers/targets');
    const held = [
      {
        id: 'src_1',
        currency: 'USD',
        customer: { id: 'cust_test_1' },
        collection: { method: 'charge_automatically', autoSend: true, paymentMethodId: 'pm_1' },
        lines: [{ description: 'Plan', quantity: 1, unitAmount: 1250, product: { id: 'prod_src' } }],
      },
    ];
    const asHeld = structuredClone(held);
    // A client that hands out objects it keeps (a cache), as a caller's own SourceClient may.
    const client = {
      async *list() {
        for (const value of held) yield { value: value as never, warnings: [] };
      },
    };
    const target = await startTarget('pelcro');
    try {
      const { report } = await migrate({
        source: { kind: 'list', client },
        target: { adapter: PROVIDERS.pelcro.adapter, client: target.client, options: target.options },
      });
      expect(report.created).toBe(1);
      expect(report.quieted.map((q) => q.path)).toContain('collection.method');
      expect(held).toEqual(asHeld);
    } finally {
      await target.fake.close();
    }
  });
});

describe('billbridge validate --id-map', () => {
  it('checks documents as they will be sent: a missing item is found, and the id map supplies it', async () => {
    const docs = await file(
      'docs.ndjson',
      `${JSON.stringify({ id: 'a', currency: 'USD', customer: { id: 'old' }, lines: [{ description: 'Plan', quantity: 1, unitAmount: 100 }] })}\n`,
    );
    const ids = await file('ids.csv', 'kind,source,target\ncustomer,old,1\nproduct,Plan,4\n');
    const run = async (extra: string[]) => {
      let text = '';
      const write = (s: string) => {
        text += s;
        return true;
      };
      const stream = { write, isTTY: false } as unknown as CliIO['out'];
      const code = await runCli(
        ['validate', docs, '--target', 'chargeover', '--option', 'currencyIds={"USD":1}', ...extra],
        { out: stream, err: stream, env: {} },
        PROVIDERS,
      );
      return { code, text };
    };
    const without = await run([]);
    expect(without.code).toBe(1);
    expect(without.text).toMatch(/docs\.ndjson:1: chargeover: .*item/);
    const withMap = await run(['--id-map', ids]);
    expect(withMap.text).toMatch(/1 valid, 0 invalid/);
    expect(withMap.code).toBe(0);
  });
});
