/**
 * The migration panel: each run gets a fresh source fake, filled with generated invoices through the
 * source's own client, and a fresh target fake; @billbridge/migrate moves them across while progress
 * streams to the page as server-sent events.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvoiceInput } from '@billbridge/core';
import {
  type MigrationResult,
  migrate,
  type Progress,
  type VerifyReport,
  verifyMigration,
} from '@billbridge/migrate';
import { describeError } from './describe-error';
import type { DemoProviders } from './providers';
import { DEMO_CUSTOMER, DEMO_CUSTOMER_IDS, DEMO_EMAIL } from './providers';
import { CONSULTING } from './samples';

const MAX_COUNT = 5000;
const ID_MAP_SHOWN = 50;

interface Run {
  events: Array<{ event: string; data: unknown }>;
  listeners: Set<ServerResponse>;
  controller: AbortController;
}

/** The n-th generated invoice: a few lines, cents and fractional quantities, one shared customer. */
export function generatedInvoice(n: number): InvoiceInput {
  return {
    externalId: `demo-migration-${n}`,
    number: `MIG-${String(n).padStart(6, '0')}`,
    currency: 'USD',
    customer: { externalId: DEMO_CUSTOMER, email: DEMO_EMAIL, name: 'Ada Lovelace' },
    issuedAt: '2026-11-01T00:00:00Z',
    dueAt: '2026-12-01T00:00:00Z',
    status: 'open',
    lines: [
      {
        description: 'Consulting (hours)',
        quantity: String((n % 4) + 1),
        unitAmount: 2995,
        product: CONSULTING,
      },
      { description: 'Support', quantity: 1, unitAmount: 999 + n, product: CONSULTING },
    ],
  };
}

export class MigrationRuns {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly providers: DemoProviders) {}

  start(body: Record<string, unknown>): { id: string } | { error: ReturnType<typeof describeError> } {
    const source = this.providers.list.find((p) => p.name === body.source);
    const target = this.providers.list.find((p) => p.name === body.target);
    const count = Number(body.count);
    if (!source || !target)
      return { error: { stage: 'refused', name: 'Error', message: 'Pick a source and a target provider.' } };
    if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
      return {
        error: {
          stage: 'refused',
          name: 'Error',
          message: `count must be a whole number from 1 to ${MAX_COUNT}.`,
        },
      };
    }
    const id = randomUUID();
    const run: Run = { events: [], listeners: new Set(), controller: new AbortController() };
    this.runs.set(id, run);
    const emit = (event: string, data: unknown) => {
      run.events.push({ event, data });
      for (const res of run.listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      if (event !== 'progress') for (const res of run.listeners) res.end();
    };
    this.execute(source, target, count, run.controller.signal, emit).then(
      (result) => emit('done', summarize(result)),
      (error) => emit('failed', describeError(error)),
    );
    return { id };
  }

  private async execute(
    source: DemoProviders['list'][number],
    target: DemoProviders['list'][number],
    count: number,
    signal: AbortSignal,
    emit: (event: string, data: unknown) => void,
  ): Promise<MigrationResult & { verify: VerifyReport }> {
    const from = await source.startFake();
    const to = await target.startFake();
    // A journal, so the run can be verified afterwards exactly as `billbridge verify` does.
    const dir = await mkdtemp(join(tmpdir(), 'billbridge-demo-'));
    try {
      for (let n = 1; n <= count; n++) await from.client.create(generatedInvoice(n));
      const started = Date.now();
      let last = 0;
      const onProgress = (p: Progress) => {
        const now = Date.now();
        if (now - last < 100 && p.processed < count) return;
        last = now;
        emit('progress', {
          done: p.processed,
          total: count,
          elapsedMs: now - started,
          rate: (p.processed * 1000) / Math.max(1, now - started),
          ...p,
        });
      };
      // Every id the demo customer has on any fake stands for the target's own id for it.
      const targetCustomer = DEMO_CUSTOMER_IDS[target.name];
      const customers = Object.fromEntries(
        [...Object.values(DEMO_CUSTOMER_IDS), DEMO_CUSTOMER, DEMO_EMAIL].map((id) => [id, targetCustomer]),
      );
      const journal = join(dir, 'journal.ndjson');
      const sourceSpec = { kind: 'list', client: from.client } as const;
      const result = await migrate({
        source: sourceSpec,
        idMaps: { customers },
        target: { adapter: target.adapter, client: to.client, options: target.mappingOptions },
        journal,
        concurrency: 16,
        total: count,
        onProgress,
        signal,
        sourceLabel: `${source.name} fake`,
      });
      const verify = await verifyMigration({
        source: sourceSpec,
        journal,
        client: to.client,
        idMaps: { customers },
        importedSupported: target.adapter.capabilities.invoice.imported !== 'unsupported',
      });
      // The id map is read from the journal when first used: read it before the journal goes.
      return { report: result.report, idMap: new Map(result.idMap), verify };
    } finally {
      await Promise.all([from.close(), to.close(), rm(dir, { recursive: true, force: true })]);
    }
  }

  /** Runs a migration to the end without streaming (the terminal tour). */
  async run(sourceName: string, targetName: string, count: number): Promise<ReturnType<typeof summarize>> {
    const source = this.providers.list.find((p) => p.name === sourceName);
    const target = this.providers.list.find((p) => p.name === targetName);
    if (!source || !target) throw new Error(`Unknown provider ${sourceName} or ${targetName}.`);
    return summarize(await this.execute(source, target, count, new AbortController().signal, () => {}));
  }

  /** Streams a run's events; replays what happened before the page connected. */
  stream(id: string, res: ServerResponse): void {
    const run = this.runs.get(id);
    if (!run) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    for (const { event, data } of run.events) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    if (run.events.some((e) => e.event !== 'progress')) {
      res.end();
      return;
    }
    run.listeners.add(res);
    res.on('close', () => run.listeners.delete(res));
  }

  cancelAll(): void {
    for (const run of this.runs.values()) run.controller.abort();
  }
}

function summarize({ report, idMap, verify }: MigrationResult & { verify: VerifyReport }) {
  return {
    summary: {
      verify: {
        matched: verify.matched,
        mismatched: verify.mismatches.length + verify.missingOnTarget.length,
        mismatches: verify.mismatches.slice(0, 5),
      },
      counts: {
        created: report.created,
        skipped: report.skipped,
        failed: report.failed,
        ambiguous: report.ambiguous,
        invalid: report.invalid,
        missingReferences: report.missingReferences,
      },
      lostFields: report.losses.map(({ side, code, path, documents }) => ({ side, code, path, documents })),
      failures: report.failures.slice(0, 5),
    },
    idMap: [...idMap].slice(0, ID_MAP_SHOWN),
    idMapTotal: idMap.size,
  };
}
