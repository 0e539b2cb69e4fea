#!/usr/bin/env node
import { processIO } from './cli/io';
import { runCli } from './cli/main';
import { PROVIDERS } from './providers';

runCli(process.argv.slice(2), processIO(), PROVIDERS).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`billbridge: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
