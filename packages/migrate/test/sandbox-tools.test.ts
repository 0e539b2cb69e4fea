import { PROVIDER_NAMES } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { runSandbox } from '../src/cli/sandbox-command';
import { loadSandboxTools, SandboxToolsMissingError } from '../src/cli/sandbox-tools';
import { PROVIDERS } from '../src/providers';
import { captureIO } from './helpers/capture-io';

/** Plays a machine where @billbridge/testing is not installed, as Node reports it. */
const missing = async (specifier: string): Promise<unknown> => {
  throw Object.assign(new Error(`Cannot find package '${specifier}' imported from /app/cli.js`), {
    code: 'ERR_MODULE_NOT_FOUND',
  });
};

describe('billbridge sandbox loads the fakes only when asked', () => {
  it('loads startFake and the five fakes on demand', async () => {
    const tools = await loadSandboxTools(PROVIDERS);
    expect(typeof tools.startFake).toBe('function');
    for (const name of PROVIDER_NAMES) expect(tools.fakes[name].provider).toBe(name);
  });

  it('without @billbridge/testing: a typed error naming the package to add', async () => {
    const error = await loadSandboxTools(PROVIDERS, missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxToolsMissingError);
    expect((error as Error).message).toContain('npm install --save-dev @billbridge/testing');
  });

  it('the command prints that message and exits 1, starting nothing', async () => {
    const io = captureIO();
    expect(await runSandbox([], io, PROVIDERS, Promise.resolve(), missing)).toBe(1);
    expect(io.stderr()).toMatch(
      /^billbridge sandbox: the sandbox runs the provider fakes from @billbridge\/testing, which is not installed\. Add it next to @billbridge\/migrate: npm install --save-dev @billbridge\/testing \(Cannot find package/,
    );
    expect(io.stdout()).toBe('');
  });

  it('other load failures are not disguised as a missing package', async () => {
    const broken = async () => {
      throw new TypeError('boom');
    };
    await expect(loadSandboxTools(PROVIDERS, broken)).rejects.toThrow('boom');
  });

  it('prints base URLs each client accepts as they are (with the API prefix)', async () => {
    const io = captureIO();
    let stop: () => void = () => undefined;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runSandbox([], io, PROVIDERS, until);
    while (!io.stdout().includes('Fakes running')) await new Promise((r) => setTimeout(r, 10));
    expect(io.stdout()).toMatch(/paid\s+http:\/\/127\.0\.0\.1:\d+\/api\/v2\s/);
    expect(io.stdout()).toMatch(/whop\s+http:\/\/127\.0\.0\.1:\d+\/api\/v1\s/);
    expect(io.stdout()).toMatch(/pelcro\s+http:\/\/127\.0\.0\.1:\d+\s/);
    stop();
    expect(await running).toBe(0);
  });
});
