/** Where a command writes and what it reads from the environment (injectable for tests). */
export interface CliIO {
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  return { out: process.stdout, err: process.stderr, env: process.env };
}

/** Exit codes: documented in the README and in `billbridge --help`. */
export const EXIT = { ok: 0, problems: 1, usage: 2, ambiguous: 3, mismatch: 4, interrupted: 130 } as const;
