import type { MigrationReport } from '../report';

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
        ['would be created', report.created],
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
  if (report.stoppedEarly)
    out.push('', 'Stopped early (--on-error stop): documents after the first problem were not read.');

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
    'Ambiguous (the target may or may not hold these; review, then --retry-ambiguous or mark them done)',
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
