/**
 * Runs `changeset version` on a scratch copy of the repository's manifests and release config, and
 * checks which packages a release of @billbridge/testing bumps. The adapters list testing as an
 * optional peer: changesets' default rule would major-bump all of them on any minor testing release.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const changesetBin = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
const ADAPTERS = ['paid', 'pelcro', 'chargeover', 'flowglad', 'whop'];
const scratches: string[] = [];
afterEach(() => {
  for (const dir of scratches.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The root manifest, workspace list, release config and every workspace package's manifest. */
function scratchCopy(configEdit?: (config: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'billbridge-changesets-'));
  scratches.push(dir);
  for (const file of ['package.json', 'pnpm-workspace.yaml']) cpSync(join(root, file), join(dir, file));
  mkdirSync(join(dir, '.changeset'));
  const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));
  configEdit?.(config);
  writeFileSync(join(dir, '.changeset', 'config.json'), JSON.stringify(config));
  const workspaces = ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => `${group}/${name}`),
  );
  for (const ws of [...workspaces, 'bench', 'examples', 'checks']) {
    mkdirSync(join(dir, ws), { recursive: true });
    cpSync(join(root, ws, 'package.json'), join(dir, ws, 'package.json'));
  }
  return dir;
}

async function version(dir: string, bump: 'patch' | 'minor' | 'major'): Promise<Record<string, string>> {
  writeFileSync(
    join(dir, '.changeset', 'testing-change.md'),
    `---\n'@billbridge/testing': ${bump}\n---\n\nA change.\n`,
  );
  await promisify(execFile)(process.execPath, [changesetBin, 'version'], { cwd: dir, timeout: 60_000 });
  const versions: Record<string, string> = {};
  for (const name of [...ADAPTERS, 'testing', 'migrate', 'core']) {
    versions[name] = JSON.parse(readFileSync(join(dir, 'packages', name, 'package.json'), 'utf8')).version;
  }
  return versions;
}

describe('changesets: a release of @billbridge/testing', () => {
  it('a minor release bumps testing only; no adapter goes to 1.0.0', async () => {
    const dir = scratchCopy();
    const versions = await version(dir, 'minor');
    expect(versions.testing).toBe('0.2.0');
    for (const name of [...ADAPTERS, 'migrate', 'core']) expect(versions[name], name).toBe('0.1.0');
    // The changelog entry is written from the changeset.
    const changelog = readFileSync(join(dir, 'packages', 'testing', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/## 0\.2\.0[\s\S]*A change\./);
  });

  it('a patch release bumps testing only', async () => {
    const versions = await version(scratchCopy(), 'patch');
    expect(versions.testing).toBe('0.1.1');
    for (const name of [...ADAPTERS, 'migrate']) expect(versions[name], name).toBe('0.1.0');
  });

  it('the test can fail: without the option, the same minor release major-bumps every adapter', async () => {
    const versions = await version(
      scratchCopy((config) => {
        delete config.___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH;
      }),
      'minor',
    );
    expect(versions.testing).toBe('0.2.0');
    for (const name of ADAPTERS) expect(versions[name], name).toBe('1.0.0');
  });
});
