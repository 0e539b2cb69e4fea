import { inspect } from 'node:util';

/** Every rendering of an error a user or a log might see. */
export function renderings(error: unknown): string[] {
  const out = [String(error), inspect(error, { depth: 10 })];
  if (error instanceof Error) out.push(error.message, error.stack ?? '');
  try {
    out.push(JSON.stringify(error) ?? '');
  } catch (cause) {
    out.push(`unserialisable: ${String(cause)}`);
  }
  return out;
}

/** The secrets (and their base64 forms) found in any rendering of any of the errors. */
export function findLeaks(errors: readonly unknown[], secrets: readonly string[]): string[] {
  const needles = secrets.flatMap((s) => [s, Buffer.from(s).toString('base64')]).filter((s) => s.length >= 6);
  const leaks: string[] = [];
  errors.forEach((error, i) => {
    for (const text of renderings(error)) {
      for (const needle of needles) {
        if (text.includes(needle)) leaks.push(`error #${i} (${(error as Error)?.name}) contains a secret`);
      }
    }
  });
  return [...new Set(leaks)];
}
