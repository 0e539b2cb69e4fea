import type { SettleResult } from '../settle';
import { table } from './format';
import { type CliIO, EXIT } from './io';

/**
 * What `reconcile` found, for a journal or a PostgreSQL run alike: counts, then up to 20 documents of
 * each kind. Exit code: ambiguous while any document is still unknown.
 */
export function writeSettled(
  io: CliIO,
  result: Pick<SettleResult, 'found' | 'absent' | 'unknown'>,
  labels: { subject: string; absent: string },
): number {
  const total = result.found.length + result.absent.length + result.unknown.length;
  if (total === 0) {
    io.out.write(`${labels.subject}: no ambiguous or unanswered documents.\n`);
    return EXIT.ok;
  }
  io.out.write(
    `${table(
      ['', 'documents'],
      [
        ['created (found on the target)', String(result.found.length)],
        [`absent (${labels.absent})`, String(result.absent.length)],
        ['still unknown', String(result.unknown.length)],
      ],
    )}\n`,
  );
  for (const f of result.found.slice(0, 20))
    io.out.write(`  created: ${f.key} → ${f.targetId ?? '?'} (${f.how})\n`);
  for (const a of result.absent.slice(0, 20)) io.out.write(`  absent: ${a.key} (${a.why})\n`);
  for (const u of result.unknown.slice(0, 20)) io.out.write(`  unknown: ${u.key} (${u.why})\n`);
  return result.unknown.length > 0 ? EXIT.ambiguous : EXIT.ok;
}
