#!/usr/bin/env node
import { processIO } from './cli/io';
import { runCli } from './cli/main';
import { PROVIDERS } from './providers';

// Run as `pnpm billbridge …` from the repository, pnpm starts us in the repository root; paths on the
// command line are the user's, relative to where they typed it.
if (process.env.npm_lifecycle_event === 'billbridge' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);

runCli(process.argv.slice(2), processIO(), PROVIDERS).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`billbridge: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
