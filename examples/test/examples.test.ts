/**
 * Runs each example script as a user would (one node process, workspace packages from their sources)
 * and checks what it prints, so an example that no longer works fails the suite.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

async function run(script: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=billbridge-source', '--import', 'tsx', script],
    { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
  );
  return stdout;
}

describe('examples', () => {
  it('map-one-invoice.ts maps one invoice to the five providers', async () => {
    const out = await run('map-one-invoice.ts');
    for (const provider of ['paid', 'flowglad', 'whop', 'chargeover', 'pelcro'])
      expect(out).toContain(`── ${provider}`);
    // 2.5 × $29.90: the providers' own units, never a float artefact.
    expect(out).not.toMatch(/\d\.\d{6,}/);
  });

  it('create-and-read-back.ts creates on the Whop fake and reads the invoice back', async () => {
    const out = await run('create-and-read-back.ts');
    expect(out).toMatch(/created (inv_\S+) in USD, 2 lines/);
    const id = /created (\S+)/.exec(out)?.[1];
    expect(out).toContain(`read back ${id}: unit amounts 2990, 15000 (minor units)`);
    expect(out).toContain('the fake stored 1 record(s)');
  });

  it('migrate-in-code.ts migrates three invoices once, and a resumed run sends none again', async () => {
    const out = await run('migrate-in-code.ts');
    expect(out).toContain('first run: 3 created, 0 failed');
    expect(out).toContain('second run: 0 created, 3 already done');
    expect(out).toContain('the fake holds 3 invoices');
  });
});
