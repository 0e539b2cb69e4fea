/** How the engine records answers that are not plain successes, and how progress speaks. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrityError } from '@billbridge/core';
import { startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/cli/format';
import { ProgressReporter } from '../src/cli/progress';
import { migrate } from '../src/engine';
import type { TargetClient } from '../src/types';
import { customerMap, sourceInvoice, toyAdapter, toyClient, toyFake } from './helpers/toy-provider';

describe('a create stored differently from what was sent (IntegrityError)', () => {
  it('is recorded done with its id (never sent again) and reported as a mismatch', async () => {
    const fake = await startFake(toyFake(false));
    try {
      const adapter = toyAdapter(false);
      const real = toyClient(adapter, fake.url);
      // the target stores src_3 with another total: a verifying client throws IntegrityError
      const client: TargetClient = {
        ...real,
        async create(doc, opts) {
          const result = await real.create(doc, opts);
          if ((doc as { externalId?: string }).externalId === 'src_3')
            throw new IntegrityError('toy', result.value.id as string, [
              { path: 'total', expected: 1003, actual: 1004 },
            ]);
          return result;
        },
      };
      const journal = join(await mkdtemp(join(tmpdir(), 'bb-integrity-')), 'j.ndjson');
      const run = (resume: boolean) =>
        migrate({
          source: { kind: 'documents', documents: Array.from({ length: 6 }, (_, i) => sourceInvoice(i)) },
          target: { adapter, client },
          idMaps: { customers: customerMap },
          journal,
          resume,
        });
      const first = await run(false);
      expect(first.report).toMatchObject({ created: 6, failed: 0, ambiguous: 0 });
      expect(first.report.mismatches).toEqual([
        { key: 'src_3', targetId: 'inv_4', differences: [{ path: 'total', expected: 1003, actual: 1004 }] },
      ]);
      expect(renderReport(first.report)).toMatch(
        /stored differently.*\n {2}src_3 → inv_4: total expected 1003, stored 1004/,
      );
      expect(first.idMap.get('src_3')).toBe('inv_4');
      const second = await run(true);
      expect(second.report).toMatchObject({ created: 0, skipped: 6 });
      expect(fake.records).toHaveLength(6);
    } finally {
      await fake.close();
    }
  });
});

describe('progress speaks as the summary does', () => {
  it('a dry run says "would create"; a real run names reconciled and already migrated', () => {
    const lines: string[] = [];
    const progress = new ProgressReporter({ isTTY: false, write: (t) => lines.push(t) }, 0, () => 1000);
    progress.update({ processed: 10, dryRun: true, created: 9, skipped: 0, failed: 1, ambiguous: 0 });
    progress.update({ processed: 12, created: 5, reconciled: 2, skipped: 4, failed: 0, ambiguous: 1 });
    expect(lines[0]).toMatch(/would create 9, problems 1\n$/);
    expect(lines[1]).toMatch(/created 5, reconciled 2, already migrated 4, problems 0, ambiguous 1\n$/);
  });
});
