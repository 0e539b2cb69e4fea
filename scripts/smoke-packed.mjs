// From packed tarballs, in a fresh npm project outside the workspace: an ESM TypeScript script
// (typechecked with moduleResolution node16 and bundler, then run), a CommonJS script, the `billbridge`
// bin, and `billbridge sandbox` without @billbridge/testing installed (it must name the package to add).
// Needs `pnpm build` first. Usage: node scripts/smoke-packed.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'billbridge-packed-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
mkdirSync(app);
const failures = [];
const sh = (cmd, args, cwd, options = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

function check(name, fn) {
  try {
    const detail = fn();
    console.log(`✓ ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failures.push(name);
    console.log(
      `✗ ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.stdout || error.stderr ? '' : error.message}`,
    );
  }
}

const names = ['core', 'paid', 'flowglad', 'whop', 'chargeover', 'pelcro', 'testing', 'migrate'];
for (const name of names) sh('pnpm', ['pack', '--pack-destination', tarballs], join(root, 'packages', name));
const tgz = (name) =>
  join(
    tarballs,
    readdirSync(tarballs).find((f) => f.startsWith(`billbridge-${name}-`)),
  );

writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
// Everything but @billbridge/testing first: the CLI must run without it.
sh('npm', ['install', '--no-audit', '--no-fund', ...names.filter((n) => n !== 'testing').map(tgz)], app);

const bin = join(app, 'node_modules', '.bin', 'billbridge');
check('the billbridge bin prints the package version', () => {
  const out = sh(bin, ['--version'], app).trim();
  const version = JSON.parse(sh('npm', ['pkg', 'get', 'version'], join(root, 'packages', 'migrate')));
  if (out !== `billbridge ${version}`) throw new Error(out);
  return out;
});
check('billbridge sandbox without @billbridge/testing names the package to add', () => {
  const run = spawnSync(bin, ['sandbox'], { cwd: app, encoding: 'utf8' });
  if (run.status !== 1 || !run.stderr.includes('npm install --save-dev @billbridge/testing'))
    throw Object.assign(new Error('unexpected'), {
      stdout: run.stdout,
      stderr: `exit ${run.status}\n${run.stderr}`,
    });
  return run.stderr.trim().split('\n')[0];
});

// A TypeScript user has Node's types (the transport's undici types refer to Buffer).
sh('npm', ['install', '--no-audit', '--no-fund', tgz('testing'), '@types/node@20'], app);
const script = `import { parseInvoice, type Invoice } from '@billbridge/core';
import { createWhopClient } from '@billbridge/whop';
import { whopFake, WHOP_FAKE_DEFAULT_COMPANY, WHOP_FAKE_DEFAULT_MEMBER } from '@billbridge/whop/testing';
import { startFake } from '@billbridge/testing';

const invoice: Invoice = parseInvoice({
  currency: 'USD',
  customer: { id: WHOP_FAKE_DEFAULT_MEMBER.id },
  dueAt: '2026-12-01T00:00:00Z',
  lines: [{ description: 'Consulting', quantity: 2, unitAmount: 2990 }],
});
const fake = await startFake(whopFake);
try {
  const whop = createWhopClient({ apiKey: 'k', baseUrl: fake.baseUrl, companyId: WHOP_FAKE_DEFAULT_COMPANY });
  const { value } = await whop.create(invoice);
  console.log('esm ok', value.id, value.lines[0]?.unitAmount);
} finally {
  await fake.close();
}
`;
writeFileSync(join(app, 'esm.mts'), script);
for (const [resolution, module] of [
  ['node16', 'node16'],
  ['bundler', 'esnext'],
]) {
  check(`tsc: ESM TypeScript with moduleResolution ${resolution}`, () => {
    writeFileSync(
      join(app, `tsconfig.${resolution}.json`),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module,
          moduleResolution: resolution,
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          lib: ['es2023', 'dom'],
        },
        files: ['esm.mts'],
      }),
    );
    sh(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${resolution}.json`],
      app,
    );
  });
}
check('ESM TypeScript script, compiled by tsc (node16), runs', () => {
  // Node 20 cannot strip types: compile the one file to plain JS and run that.
  sh(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'tsconfig.node16.json',
      '--noEmit',
      'false',
      '--outDir',
      'out',
    ],
    app,
  );
  const out = sh(process.execPath, ['out/esm.mjs'], app).trim();
  if (!/^esm ok \S+ 2990$/.test(out)) throw new Error(out);
  return out;
});
writeFileSync(
  join(app, 'cjs.cjs'),
  `const { parseInvoice } = require('@billbridge/core');
const { whop } = require('@billbridge/whop');
const { migrate } = require('@billbridge/migrate');
const { startFake } = require('@billbridge/testing');
const doc = parseInvoice({ currency: 'JPY', customer: { email: 'a@example.com' }, dueAt: '2026-12-01T00:00:00Z', lines: [{ quantity: 1, unitAmount: 1500 }] });
const { request } = whop.toCreateRequest({ ...doc, customer: { id: 'mber_xxxxxxxxxxxxx' } }, { companyId: 'biz_xxxxxxxxxxxxxx' });
console.log('cjs ok', typeof migrate, typeof startFake, require('@billbridge/core/package.json').name, JSON.stringify(request).length > 0);
`,
);
check('CommonJS script runs (require)', () => {
  const out = sh(process.execPath, ['cjs.cjs'], app).trim();
  if (out !== 'cjs ok function function @billbridge/core true') throw new Error(out);
  return out;
});

rmSync(work, { recursive: true, force: true });
console.log(
  failures.length
    ? `\n${failures.length} packed-package checks failed`
    : '\nAll packed-package checks passed',
);
process.exit(failures.length ? 1 : 0);
