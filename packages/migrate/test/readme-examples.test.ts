/**
 * The README's CLI examples, run as written: the `sh` block after the "readme-example" marker is run by
 * bash in a directory holding the README's ids.csv and a Flowglad export, with `billbridge` on PATH (the
 * CLI from sources) and CHARGEOVER_URL pointing at the ChargeOver fake.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chargeoverFake } from '@billbridge/chargeover/testing';
import { startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import { flowgladExport } from './helpers/flowglad-source';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');

function block(after: string, lang: string): string {
  const at = readme.indexOf(after);
  expect(at, `README has no "${after}"`).toBeGreaterThanOrEqual(0);
  const match = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``).exec(readme.slice(at));
  if (!match?.[1]) throw new Error(`no ${lang} block after "${after}"`);
  return match[1];
}

describe('README: the billbridge migrate examples', () => {
  it('run as written against the ChargeOver fake: dry run, real run, resume, verify, reconcile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-readme-'));
    await flowgladExport(40, join(dir, 'flowglad.ndjson'));
    await writeFile(join(dir, 'ids.csv'), `${block('### billbridge migrate', 'csv')}\n`);
    const script = block('<!-- readme-example', 'sh');
    // `billbridge` as a user would have it: the CLI, from sources (no build)
    const bin = join(dir, 'bin');
    await mkdir(bin);
    await writeFile(
      join(bin, 'billbridge'),
      `#!/bin/sh\nexec "${process.execPath}" --conditions=billbridge-source --import "${pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href}" "${join(packageDir, 'src', 'cli.ts')}" "$@"\n`,
    );
    await chmod(join(bin, 'billbridge'), 0o755);
    const fake = await startFake(chargeoverFake);
    try {
      const { code, output } = await new Promise<{ code: number | null; output: string }>(
        (resolve, reject) => {
          const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
            cwd: dir,
            env: {
              ...process.env,
              PATH: `${bin}:${process.env.PATH}`,
              CHARGEOVER_URL: fake.url,
              CHARGEOVER_API_KEY: 'pub_readme:priv_readme',
            },
          });
          let output = '';
          child.stdout.on('data', (d: Buffer) => (output += d.toString()));
          child.stderr.on('data', (d: Buffer) => (output += d.toString()));
          child.on('error', reject);
          child.on('close', (code) => resolve({ code, output }));
        },
      );
      expect(code, output).toBe(0);
      expect(output).toMatch(/would create\s+40/);
      expect(output).toMatch(/created\s+40/);
      expect(output).toMatch(/skipped \(already migrated\)\s+40/);
      expect(output).toMatch(/match\s+40/);
      expect(output).toMatch(/no ambiguous or unanswered documents/);
      const records = fake.records as Array<{ line_items: Array<{ item_id: number }> }>;
      expect(records).toHaveLength(40);
      expect(
        records.every((r) => r.line_items.length === 2 && r.line_items.every((l) => l.item_id === 4)),
      ).toBe(true);
      expect((await readFile(join(dir, 'migrated.csv'), 'utf8')).trim().split('\n')).toHaveLength(41);
      expect(JSON.parse(await readFile(join(dir, 'billbridge-dry-run.json'), 'utf8'))).toMatchObject({
        created: 40,
      });
    } finally {
      await fake.close();
    }
  }, 180_000);
});
