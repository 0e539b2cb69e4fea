/**
 * ChargeOver's invoice listing leaves out the lines. A live migration from ChargeOver reads each such
 * invoice completely (by id) — or refuses it with the reason — and never creates a total without lines.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFake } from '@billbridge/testing';
import { WHOP_FAKE_DEFAULT_COMPANY, WHOP_FAKE_DEFAULT_MEMBER } from '@billbridge/whop/testing';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { migrate } from '../src/engine';
import { PROVIDERS } from '../src/providers';
import { startTarget } from './helpers/targets';
import { type ToyInvoice, toyAdapter, toyClient, toyFake } from './helpers/toy-provider';

const COUNT = 300;

async function chargeoverWithInvoices() {
  const source = await startTarget('chargeover');
  const inflight = new Set<Promise<unknown>>();
  for (let i = 0; i < COUNT; i++) {
    const p = source.client
      .create({
        number: `CO-${i}`,
        currency: 'USD',
        customer: { id: i % 2 ? '1' : '2' },
        lines: Array.from({ length: 1 + (i % 3) }, (_, l) => ({
          description: `Line ${l}`,
          quantity: 1,
          unitAmount: 100 * (l + 1) + i,
          product: { id: '4' },
        })),
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
    if (inflight.size >= 16) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  return source;
}

function io(env: Record<string, string>): CliIO & { text: () => string } {
  let text = '';
  const write = (s: string) => {
    text += s;
    return true;
  };
  const stream = { write, isTTY: false } as unknown as CliIO['out'];
  return { out: stream, err: stream, env, text: () => text };
}

describe('a live migration from ChargeOver, whose listing has no lines', () => {
  it(`${COUNT} invoices: every line arrives (read by id), none created as a bare total`, async () => {
    const source = await chargeoverWithInvoices();
    const target = await startFake(toyFake(false));
    try {
      const adapter = toyAdapter(false);
      const { report } = await migrate({
        source: { kind: 'list', client: source.client as never },
        target: { adapter, client: toyClient(adapter, target.url) },
        idMaps: { customers: { '1': 'cus_1', '2': 'cus_2' } },
        concurrency: 8,
      });
      expect(report).toMatchObject({ read: COUNT, created: COUNT, failed: 0, invalid: 0 });
      const stored = target.records as ToyInvoice[];
      expect(stored).toHaveLength(COUNT);
      for (const record of stored) {
        const i = Number(record.number?.slice(3));
        expect(record.lines.map((l) => l.unit)).toEqual(
          Array.from({ length: 1 + (i % 3) }, (_, l) => 100 * (l + 1) + i),
        );
      }
    } finally {
      await Promise.all([source.fake.close(), target.close()]);
    }
  }, 120_000);

  it('a source that lists totals without lines and cannot read by id is refused, with the reason', async () => {
    const listed = {
      async *list() {
        // as a listing without lines reads: the invoice's total, no lines
        const value = { id: '7', currency: 'USD', customer: { id: '1' }, lines: [], total: 1250 };
        yield { value: value as never, warnings: [] };
      },
    };
    const target = await startFake(toyFake(false));
    try {
      const adapter = toyAdapter(false);
      const { report } = await migrate({
        source: { kind: 'list', client: listed },
        target: { adapter, client: toyClient(adapter, target.url) },
        idMaps: { customers: { '1': 'cus_1' } },
      });
      expect(report.created).toBe(0);
      expect(report.failures[0]?.error).toMatch(/total and no lines.*cannot read it by id/);
      expect(target.records).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it('from the CLI: billbridge migrate --source chargeover (no --input) → whop keeps every line', async () => {
    const source = await chargeoverWithInvoices();
    const target = await startTarget('whop');
    const dir = await mkdtemp(join(tmpdir(), 'bb-co-cli-'));
    try {
      const out = io({ CHARGEOVER_API_KEY: 'pub:priv', WHOP_API_KEY: 'whop_test_key' });
      const code = await runCli(
        [
          'migrate',
          '--source',
          'chargeover',
          '--source-url',
          source.url,
          '--source-option',
          'currencyIds={"USD":1}',
          '--target',
          'whop',
          '--target-url',
          target.url,
          '--target-option',
          `companyId=${WHOP_FAKE_DEFAULT_COMPANY}`,
          '--id-map',
          await writeIds(dir),
          '--journal',
          join(dir, 'j.ndjson'),
          '--report',
          join(dir, 'report.json'),
        ],
        out,
        PROVIDERS,
      );
      expect(code, out.text()).toBe(0);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report).toMatchObject({ created: COUNT, verify: { checked: COUNT, matched: COUNT } });
      const lineCounts = (target.fake.records as Array<{ line_items?: unknown[] }>).map(
        (r) => r.line_items?.length,
      );
      expect(lineCounts.filter((n) => n === 0 || n === undefined)).toHaveLength(0);
    } finally {
      await Promise.all([source.fake.close(), target.fake.close()]);
    }
  }, 180_000);
});

async function writeIds(dir: string): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const file = join(dir, 'ids.csv');
  await writeFile(
    file,
    `kind,source,target\ncustomer,1,${WHOP_FAKE_DEFAULT_MEMBER.id}\ncustomer,2,${WHOP_FAKE_DEFAULT_MEMBER.id}\n`,
  );
  return file;
}
