import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDER_NAMES } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../src/cli/args';
import { COMMANDS, MAIN_HELP, runCli } from '../src/cli/main';
import { runSandbox } from '../src/cli/sandbox-command';
import { PROVIDERS } from '../src/providers';
import { captureIO } from './helpers/capture-io';
import { runCli as spawnRun } from './helpers/run-cli';

const fixture = fileURLToPath(new URL('./fixtures/canonical.ndjson', import.meta.url));

describe('billbridge --help', () => {
  it('lists every command', async () => {
    const io = captureIO();
    expect(await runCli(['--help'], io, PROVIDERS)).toBe(0);
    for (const name of ['migrate', 'convert', 'validate', 'capabilities', 'sandbox'])
      expect(io.stdout()).toContain(name);
  });

  for (const name of Object.keys(COMMANDS)) {
    it(`billbridge ${name} --help describes its usage and every option`, async () => {
      const io = captureIO();
      expect(await runCli([name, '--help'], io, PROVIDERS)).toBe(0);
      expect(io.stdout()).toMatch(new RegExp(`^Usage: billbridge ${name}`));
      expect(io.stdout()).toContain('--help');
      expect(io.stdout()).toBe(COMMANDS[name]?.help);
    });
  }

  it('the real binary prints the help (child process, from sources)', async () => {
    const result = await spawnRun(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(MAIN_HELP);
    const sub = await spawnRun(['migrate', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--resume');
  }, 60_000);

  it('rejects an unknown command or option with exit status 2', async () => {
    const io = captureIO();
    expect(await runCli(['migrat'], io, PROVIDERS)).toBe(2);
    expect(io.stderr()).toContain('unknown command "migrat"');
    const io2 = captureIO();
    expect(await runCli(['migrate', '--targt', 'whop'], io2, PROVIDERS)).toBe(2);
    expect(io2.stderr()).toContain('Unknown option --targt');
  });
});

describe('argument parsing', () => {
  it('reads --flag value, --flag=value, short flags, repeatable lists and booleans', () => {
    const specs = [
      { name: 'target', short: 't', type: 'string', description: '' },
      { name: 'id-map', type: 'list', description: '' },
      { name: 'dry-run', type: 'boolean', description: '' },
    ] as const;
    const parsed = parseArgs(
      ['-t', 'whop', '--id-map=a.csv', '--id-map', 'b.json', '--dry-run', 'file'],
      [...specs],
      'x',
    );
    expect(parsed).toEqual({
      flags: { target: 'whop', 'id-map': ['a.csv', 'b.json'], 'dry-run': true },
      positionals: ['file'],
    });
    expect(() => parseArgs(['--target'], [...specs], 'x')).toThrow(UsageError);
  });
});

describe('billbridge commands (in process)', () => {
  it('capabilities prints one column per provider and one row per invoice field', async () => {
    const io = captureIO();
    expect(await runCli(['capabilities'], io, PROVIDERS)).toBe(0);
    for (const p of PROVIDER_NAMES) expect(io.stdout()).toContain(p);
    expect(io.stdout()).toMatch(/lines\.unitAmount/);
    const json = captureIO();
    await runCli(['capabilities', '--json'], json, PROVIDERS);
    expect((JSON.parse(json.stdout()) as Array<{ provider: string }>).map((c) => c.provider)).toEqual([
      ...PROVIDER_NAMES,
    ]);
  });

  it('validate names the file, line and path of every invalid document', async () => {
    const io = captureIO();
    expect(await runCli(['validate', fixture], io, PROVIDERS)).toBe(1);
    expect(io.stdout()).toContain(`${fixture}:3 (bad-currency): Invoice is invalid`);
    expect(io.stdout()).toContain('currency');
    expect(io.stdout()).toContain(`${fixture}:4: not valid JSON`);
    expect(io.stdout()).toMatch(/2 valid, 2 invalid\./);
  });

  it('convert writes the target payloads to --out only when complete, warnings on stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-convert-'));
    const out = join(dir, 'pelcro.ndjson');
    const io = captureIO();
    const code = await runCli(
      ['convert', '--to', 'pelcro', fixture, '--out', out, '--option', 'siteId=1234'],
      io,
      PROVIDERS,
    );
    expect(code).toBe(1); // two of the four records are bad
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      query: { site_id: 1234 },
      body: { customer_old_provider_id: 'legacy-cus-1001', currency: 'usd' },
    });
    expect(io.stderr()).toMatch(/warning .*canonical\.ndjson:1 \(inv-1\): /);
    expect(io.stderr()).toMatch(/error .*canonical\.ndjson:4: not valid JSON/);

    const stopped = join(dir, 'stopped.ndjson');
    const io2 = captureIO();
    expect(
      await runCli(
        [
          'convert',
          '--to',
          'pelcro',
          fixture,
          '--out',
          stopped,
          '--on-error',
          'stop',
          '--option',
          'siteId=1234',
        ],
        io2,
        PROVIDERS,
      ),
    ).toBe(1);
    expect(await readdir(dir)).toEqual(['pelcro.ndjson']); // nothing half-written, no temp file left
  });

  it('migrate --dry-run prints the table and writes the JSON report; a real run needs the key variable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-dry-'));
    const report = join(dir, 'report.json');
    const io = captureIO();
    const code = await runCli(
      [
        'migrate',
        '--input',
        fixture,
        '--target',
        'pelcro',
        '--target-option',
        'siteId=1234',
        '--dry-run',
        '--report',
        report,
      ],
      io,
      PROVIDERS,
    );
    expect(code).toBe(1);
    expect(io.stdout()).toContain('Dry run → pelcro (nothing was sent)');
    expect(io.stdout()).toMatch(/would create\s+2/);
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json).toMatchObject({ dryRun: true, read: 4, created: 2, invalid: 1, failed: 1 });

    const io2 = captureIO({});
    expect(
      await runCli(
        ['migrate', '--input', fixture, '--target', 'pelcro', '--target-option', 'siteId=1234'],
        io2,
        PROVIDERS,
      ),
    ).toBe(2);
    expect(io2.stderr()).toContain('set the environment variable PELCRO_API_KEY');
  });

  it('sandbox starts the five fakes, prints their URLs, and stops them', async () => {
    const io = captureIO();
    let stop: () => void = () => undefined;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSandbox([], io, PROVIDERS, until);
    while (!io.stdout().includes('Fakes running')) await new Promise((r) => setTimeout(r, 10));
    const urls = [...io.stdout().matchAll(/http:\/\/127\.0\.0\.1:\d+/g)].map((m) => m[0]);
    expect(urls).toHaveLength(5);
    for (const p of PROVIDER_NAMES) expect(io.stdout()).toContain(p);
    // a fake answers (without credentials: the provider's own 401)
    expect((await fetch(`${urls[0]}/nope`)).status).toBe(401);
    stop();
    expect(await running).toBe(0);
    await expect(fetch(`${urls[0]}/nope`)).rejects.toThrow();
  });

  it('reads id maps from CSV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bb-ids-'));
    const csv = join(dir, 'ids.csv');
    await writeFile(csv, 'kind,source,target\ncustomer,"a,1",cus_1\nproduct,p1,"x""y"\n');
    const { loadIdMaps } = await import('../src/id-map');
    expect(await loadIdMaps(csv)).toEqual({ customers: { 'a,1': 'cus_1' }, products: { p1: 'x"y' } });
  });
});
