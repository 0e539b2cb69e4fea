import type { CliIO } from '../../src/cli/io';

/** The CLI's IO in memory, not a TTY: what a command wrote to stdout and stderr, and the env it saw. */
export function captureIO(env: Record<string, string> = {}): CliIO & {
  stdout: () => string;
  stderr: () => string;
} {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void) =>
    ({
      write: (s: string) => {
        append(s);
        return true;
      },
      once: () => undefined,
      isTTY: false,
    }) as unknown as CliIO['out'];
  return {
    out: stream((s) => {
      out += s;
    }),
    err: stream((s) => {
      err += s;
    }),
    env,
    stdout: () => out,
    stderr: () => err,
  };
}
