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

/** The spellings of a secret a provider may echo: as is, base64(url) alone or after `user:`, URL-encoded. */
export function secretSpellings(secret: string): string[] {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const b64url = (text: string) => Buffer.from(text).toString('base64url');
  return [
    secret,
    b64(secret),
    b64url(secret),
    b64(`user:${secret}`),
    b64(`u:${secret}`),
    encodeURIComponent(secret),
  ];
}

/** The secrets (in any spelling of secretSpellings) found in any rendering of any of the errors. */
export function findLeaks(errors: readonly unknown[], secrets: readonly string[]): string[] {
  const needles = [...new Set(secrets.flatMap(secretSpellings))].filter((s) => s.length >= 6);
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
