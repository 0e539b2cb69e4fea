/**
 * Footprint: bytes on disk of what `npm install` would bring (the published files of core + an adapter,
 * or an official SDK's package, each with its runtime dependencies), and cold import time of each in a
 * fresh `node` process (built dist, no loader), median of several runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './measure';
import type { Settings } from './settings';
import { fmtBytes, fmtMs, fmtNetMs, fmtNetRatio, fmtRatio, type Row, type Section } from './table';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE = join(BENCH_DIR, '..');

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

interface Manifest {
  name: string;
  files?: string[];
  dependencies?: Record<string, string>;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Published bytes of a package dir: its `files` (plus package.json), or everything when it has none. */
function ownSize(dir: string): number {
  const manifest = readManifest(dir);
  if (!manifest.files || !dir.startsWith(join(WORKSPACE, 'packages'))) return dirSize(dir);
  let total = statSync(join(dir, 'package.json')).size;
  for (const entry of manifest.files) {
    const path = join(dir, entry);
    if (!existsSync(path)) continue;
    total += statSync(path).isDirectory() ? dirSize(path) : statSync(path).size;
  }
  return total;
}

/** Where `name` resolves from `dir`, node_modules lookup style (works for pnpm's layout). */
function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The package and its runtime dependencies, transitively, each counted once. */
function installedSize(roots: string[]): { own: number; withDeps: number; packages: number } {
  const seen = new Set<string>();
  let own = 0;
  let withDeps = 0;
  const visit = (dir: string, root: boolean) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const size = ownSize(dir);
    withDeps += size;
    if (root) own += size;
    for (const dep of Object.keys(readManifest(dir).dependencies ?? {})) {
      const found = findPackage(dep, dir);
      if (found) visit(found, false);
    }
  };
  for (const root of roots) visit(root, true);
  return { own, withDeps, packages: seen.size };
}

function importMs(specifiers: string[], cwd = BENCH_DIR): number {
  const code = specifiers.map((s) => `await import(${JSON.stringify(s)});`).join('') || '0';
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`import of ${specifiers.join(', ')} failed: ${result.stderr.slice(0, 300)}`);
  return ms;
}

interface Contender {
  label: string;
  specifiers: string[];
  dirs: string[];
}

const workspacePackage = (name: string) => join(WORKSPACE, 'packages', name);
const sdkDir = (name: string) => realpathSync(join(BENCH_DIR, 'node_modules', name));

export function footprintBench(settings: Settings): Section[] {
  const built = ['core', 'paid', 'whop', 'flowglad', 'chargeover', 'pelcro'].every((p) =>
    existsSync(join(workspacePackage(p), 'dist', 'index.js')),
  );
  const pairs: Array<[Contender, Contender | undefined]> = (
    ['paid', 'whop', 'flowglad', 'chargeover', 'pelcro'] as const
  ).map((p) => {
    const ours: Contender = {
      label: `core + ${p}`,
      specifiers: ['@billbridge/core', `@billbridge/${p}`],
      dirs: [workspacePackage('core'), workspacePackage(p)],
    };
    const sdkName = { paid: '@paid-ai/paid-node', whop: '@whop/sdk', flowglad: 'flowglad-node-0-29' }[
      p as 'paid' | 'whop' | 'flowglad'
    ];
    const sdk: Contender | undefined = sdkName
      ? {
          label: sdkName === 'flowglad-node-0-29' ? '@flowglad/node 0.29.0' : sdkName,
          specifiers: [sdkName],
          dirs: [sdkDir(sdkName)],
        }
      : undefined;
    return [ours, sdk];
  });

  const times = new Map<string, number[]>();
  const record = (c: Contender) => {
    const list = times.get(c.label) ?? [];
    list.push(importMs(c.specifiers));
    times.set(c.label, list);
  };
  const baseline: number[] = [];
  // core's two runtime dependencies on their own, resolved as core resolves them: what they add to ours.
  const deps = { zod: [] as number[], undici: [] as number[] };
  // Runs interleave the contenders so background load spreads over all of them.
  for (let run = 0; run < settings.importRuns; run++) {
    baseline.push(importMs([]));
    for (const dep of ['zod', 'undici'] as const) deps[dep].push(importMs([dep], workspacePackage('core')));
    for (const [ours, sdk] of pairs) {
      if (built) record(ours);
      if (sdk) record(sdk);
    }
  }
  const node = median(baseline);
  const importCell = (c: Contender) => {
    const list = times.get(c.label);
    return list ? fmtNetMs(median(list) - node) : 'not built';
  };

  const rows: Row[] = [];
  for (const [ours, sdk] of pairs) {
    const a = installedSize(ours.dirs);
    const cells = [
      ours.label,
      fmtBytes(a.own),
      `${fmtBytes(a.withDeps)} (${a.packages} pkgs)`,
      importCell(ours),
    ];
    if (!sdk) {
      rows.push({ cells: [...cells, '—', '—', '—', '—', '—'] });
      continue;
    }
    const b = installedSize(sdk.dirs);
    const oursMs = times.get(ours.label);
    const sdkMs = times.get(sdk.label);
    const importRatio =
      oursMs && sdkMs ? fmtNetRatio(median(oursMs) - node, median(sdkMs) - node, fmtRatio) : '—';
    rows.push({
      cells: [
        ...cells,
        sdk.label,
        fmtBytes(b.own),
        `${fmtBytes(b.withDeps)} (${b.packages} pkgs)`,
        importCell(sdk),
        `size ${fmtRatio(a.withDeps / b.withDeps)}, import ${importRatio}`,
      ],
    });
  }
  rows.push({
    cells: [
      'of which zod / undici',
      '',
      '',
      `${fmtNetMs(median(deps.zod) - node)} / ${fmtNetMs(median(deps.undici) - node)}`,
      '',
      '',
      '',
      '',
      '',
    ],
  });
  return [
    {
      title: `Footprint: published bytes (own, and with runtime deps) and cold import time (median of ${settings.importRuns}, minus bare node ${fmtMs(node)})`,
      header: [
        'billbridge',
        'own',
        'with deps',
        'import',
        'official SDK',
        'own',
        'with deps',
        'import',
        'ours / SDK',
      ],
      rows,
      notes: [
        built
          ? "Our size counts the files each package publishes (dist incl. source maps, README, package.json; core also its JSON schemas); an SDK's counts its installed package directory."
          : 'billbridge packages are not built: sizes count only what exists, import times are skipped (run `pnpm bench` from the root, which builds first).',
      ],
    },
  ];
}
