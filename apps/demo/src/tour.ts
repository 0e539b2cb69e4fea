/**
 * `pnpm demo:tour`: the page's story in the terminal. One invoice becomes five providers' create
 * requests (with what each cannot carry), goes to two fakes and comes back, then a small migration.
 */
import type { Writable } from 'node:stream';
import { createApi } from './api';
import { MigrationRuns } from './migration-runs';
import { startDemoProviders } from './providers';

/**
 * Bold headings only on a terminal that wants them: not when the output is piped or redirected, nor with
 * `NO_COLOR` (https://no-color.org) or `TERM=dumb`; `FORCE_COLOR` (not `0`) turns them on anyway.
 */
export function wantsColor(out: Writable & { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return out.isTTY === true && env.TERM !== 'dumb';
}

export async function runTour(out: Writable, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const color = wantsColor(out, env);
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[22m` : text);
  const say = (text = '') => out.write(`${text}\n`);
  const providers = await startDemoProviders();
  try {
    const api = createApi(providers);
    const sample = api.samples().find((s) => s.id === 'tax-address')!;
    say(bold('1. A canonical invoice'));
    say(`${sample.title}: ${sample.about}`);
    say(JSON.stringify(sample.document, null, 2));

    say(bold('\n2. What each provider would receive'));
    const mapped = api.map(sample.document);
    for (const provider of providers.list) {
      const outcome = mapped.providers[provider.name] as
        | { ok: true; request: unknown; warnings: Array<{ code: string; path: string; message: string }> }
        | { ok: false; error: { name: string; message: string } };
      say(`\n${bold(provider.label)}`);
      if (!outcome.ok) {
        say(`  refused: ${outcome.error.name}: ${outcome.error.message.split('\n')[0]}`);
        continue;
      }
      say(`  request: ${JSON.stringify(outcome.request).slice(0, 300)}…`);
      if (outcome.warnings.length === 0) say('  carried exactly, no warnings');
      for (const w of outcome.warnings) say(`  ⚠ ${w.path} (${w.code}): ${w.message}`);
    }

    say(bold('\n3. Sent to two fakes, mapped back'));
    for (const name of ['chargeover', 'whop'] as const) {
      const sent = await api.send(name, sample.document);
      if (!sent.ok) {
        say(`  ${name}: ${sent.error.name}: ${sent.error.message}`);
        continue;
      }
      const changed = sent.differences.filter((d) => d.kind !== 'added');
      say(
        `  ${name}: created ${String((sent.value as { id?: string }).id)}; ${changed.length ? `${changed.length} field(s) differ:` : 'every field sent came back identical'}`,
      );
      for (const d of changed)
        say(`    ${d.path}: ${d.kind} (sent ${JSON.stringify(d.sent)}, got ${JSON.stringify(d.received)})`);
    }

    say(bold('\n4. Migration: 100 invoices from Flowglad to Pelcro'));
    const runs = new MigrationRuns(providers);
    const result = await runs.run('flowglad', 'pelcro', 100);
    say(
      `  created ${result.summary.counts.created}, skipped ${result.summary.counts.skipped}, failed ${result.summary.counts.failed}, ambiguous ${result.summary.counts.ambiguous}`,
    );
    for (const loss of result.summary.lostFields)
      say(`  lost ${loss.path} (${loss.code}) in ${loss.documents} invoice(s)`);
    say(
      `  id map: ${result.idMap
        .slice(0, 3)
        .map(([s, t]) => `${s} → ${t}`)
        .join(', ')}, …`,
    );

    say(bold('\nRun `pnpm demo` to try it in the browser.'));
    return result.summary.counts.created === 100 ? 0 : 1;
  } finally {
    await providers.close();
  }
}
