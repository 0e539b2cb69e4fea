/**
 * Process-wide registry of credentials. Clients register their keys when created; every billbridge error
 * and log line passes through `redactSecrets`, so a key cannot leak through a message, a provider body
 * that echoes it, `toJSON` or `util.inspect`.
 */
const secrets = new Set<string>();
const REDACTED = '[REDACTED]';
const SENSITIVE_KEY =
  /^(authorization|proxy-authorization|api[-_]?key|x-api-key|private[-_]?key|password|secret|token)$/i;

/** Registers a credential (and, for Basic auth, its encoded forms) for redaction. Short strings are ignored. */
export function registerSecret(...values: Array<string | undefined>): void {
  for (const value of values) {
    if (value && value.length >= 6) secrets.add(value);
  }
}

/** Replaces every registered credential (see {@link registerSecret}) in `text` with `[REDACTED]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A deep copy with every registered secret, and the value of any credential-named key, redacted. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const redacted = SENSITIVE_KEY.test(key) && item != null ? REDACTED : redactDeep(item, depth + 1);
    Object.defineProperty(out, key, {
      value: redacted,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
