import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { PROVIDERS } from '../src/providers';

describe('billbridge --version', () => {
  it("prints the package's own version", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    let out = '';
    const io = {
      out: {
        write: (s: string) => {
          out += s;
          return true;
        },
      },
      err: { write: () => true },
      env: {},
    } as unknown as CliIO;
    expect(await runCli(['--version'], io, PROVIDERS)).toBe(0);
    expect(out).toBe(`billbridge ${version}\n`);
  });
});
