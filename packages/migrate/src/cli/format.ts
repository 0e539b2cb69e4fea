import type { MigrationReport } from '../report';
import type { VerifyReport } from '../verify';

/** A plain-text table with padded columns (no colours: output is often piped or logged). */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}

const MAX_LISTED = 20;

function truncate(text: string, max = 100): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function differences(list: ReadonlyArray<{ path: string; expected: unknown; actual: unknown }>): string {
  return list
    .map((d) => `${d.path} expected ${JSON.stringify(d.expected)}, stored ${JSON.stringify(d.actual)}`)
    .join('; ');
}

export function verifyClean(report: VerifyReport): boolean {
  return report.mismatches.length === 0 && report.missingOnTarget.length === 0;
}

/** The verify report: counts, then every mismatch by path. */
export function renderVerify(report: VerifyReport): string {
  const out = ['', 'Verify: created invoices compared with the target'];
  out.push(
    table(
      ['', 'documents'],
      [
        ['checked', report.checked],
        ['match', report.matched],
        ['differ', report.mismatches.length],
        ['missing on target', report.missingOnTarget.length],
        ['not migrated (no done record)', report.notMigrated],
      ].map(([k, v]) => [String(k), Number(v).toLocaleString('en-US')]),
    ),
  );
  out.push(`(read from the listing: ${report.readBy.listing}, by id: ${report.readBy.id})`);
  if (report.mismatches.length > 0) {
    out.push('', 'Differences (source → target id: path expected, stored):');
    for (const m of report.mismatches.slice(0, MAX_LISTED))
      out.push(`  ${m.key} → ${m.targetId}: ${differences(m.differences)}`);
    if (report.mismatches.length > MAX_LISTED)
      out.push(`  … and ${report.mismatches.length - MAX_LISTED} more (see the JSON report)`);
  }
  for (const m of report.missingOnTarget.slice(0, MAX_LISTED))
    out.push(`  ${m.key} → ${m.targetId}: recorded as created, but the target has no such record`);
  return `${out.join('\n')}\n`;
}

/** The report for a human: counts, then lost fields, missing references, invalid, failed and ambiguous documents. */
export function renderReport(report: MigrationReport): string {
  const out: string[] = [];
  const title = report.dryRun
    ? `Dry run → ${report.target} (nothing was sent)`
    : `Migration → ${report.target}`;
  out.push(title, '');
  const counts: Array<[string, number]> = report.dryRun
    ? [
        ['read', report.read],
        ['would create', report.created],
        ['missing references', report.missingReferences],
        ['invalid', report.invalid],
        ['failed', report.failed],
        ['skipped by transform', report.skippedByTransform],
      ]
    : [
        ['read', report.read],
        ['created', report.created],
        ['reconciled (found on target)', report.reconciled],
        ['skipped (already migrated)', report.skipped],
        ['skipped by transform', report.skippedByTransform],
        ['failed', report.failed],
        ['missing references', report.missingReferences],
        ['invalid', report.invalid],
        ['ambiguous (review)', report.ambiguous],
        ['answered 429 (backed off)', report.rateLimited],
      ];
  out.push(
    table(
      ['', 'documents'],
      counts.map(([k, v]) => [k, v.toLocaleString('en-US')]),
    ),
  );
  if (report.interrupted)
    out.push('', 'Interrupted: the documents in flight were finished and journaled; the rest were not read.');
  else if (report.stoppedEarly)
    out.push('', 'Stopped early (--on-error stop): documents after the first problem were not read.');
  if (report.quieted.length > 0) {
    out.push(
      '',
      report.dryRun
        ? 'Kept quiet (would be changed so nothing emails a customer or charges a card; --notify to keep):'
        : 'Kept quiet (changed so nothing emails a customer or charges a card; --notify to keep):',
    );
    out.push(
      table(
        ['field', 'documents', 'why'],
        report.quieted.map((q) => [q.path, q.documents.toLocaleString('en-US'), truncate(q.message, 90)]),
      ),
    );
    if (report.quieted.some((q) => q.path === 'collection.method'))
      out.push(
        'Warning: some source invoices charged a card automatically; they were migrated as send-invoice.',
      );
  }
  if (report.mismatches.length > 0) {
    out.push('', 'Created, but stored differently from what was sent (IntegrityError):');
    for (const m of report.mismatches.slice(0, MAX_LISTED))
      out.push(`  ${m.key} → ${m.targetId}: ${differences(m.differences)}`);
  }

  if (report.losses.length > 0) {
    out.push('', 'Lost or changed fields (documents affected):');
    out.push(
      table(
        ['field', 'side', 'code', 'documents', 'example'],
        report.losses.map((l) => [
          l.path,
          l.side,
          l.code,
          l.documents.toLocaleString('en-US'),
          truncate(l.message, 70),
        ]),
      ),
    );
  }
  if (report.missing.length > 0) {
    out.push('', 'Missing references:');
    out.push(
      table(
        ['field', 'documents', 'supply with', 'examples'],
        report.missing.map((m) => [
          m.path,
          m.documents.toLocaleString('en-US'),
          m.option ?? '',
          m.examples.join(', '),
        ]),
      ),
    );
  }
  const list = (heading: string, items: Array<{ where: string; text: string }>, total: number) => {
    if (total === 0) return;
    out.push('', `${heading}:`);
    for (const item of items.slice(0, MAX_LISTED)) out.push(`  ${item.where}: ${truncate(item.text, 160)}`);
    if (total > MAX_LISTED) out.push(`  … and ${total - MAX_LISTED} more (see the JSON report)`);
  };
  list(
    'Invalid documents',
    report.invalidDocuments.map((d) => ({
      where: d.key ? `${d.key} (${d.location})` : d.location,
      text: (d.issues ?? []).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '),
    })),
    report.invalidDocuments.length,
  );
  list(
    'Failed',
    report.failures.map((f) => ({
      where: f.key ? `${f.key} (${f.location})` : f.location,
      text: `${f.reason}: ${f.error}`,
    })),
    report.failures.length,
  );
  list(
    'Ambiguous (the target may or may not hold these: run billbridge reconcile; review what stays unknown, then --resume --retry-ambiguous)',
    report.ambiguousDocuments.map((a) => ({
      where: [a.key, a.externalId && `externalId ${a.externalId}`, a.number && `number ${a.number}`]
        .filter(Boolean)
        .join(', '),
      text: a.reason,
    })),
    report.ambiguousDocuments.length,
  );
  out.push('', `Took ${(report.durationMs / 1000).toFixed(1)}s.`);
  return `${out.join('\n')}\n`;
}
