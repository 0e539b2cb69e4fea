/**
 * Process-wide registry of credentials. Clients register their keys when created; every billbridge error
 * and log line passes through `redactSecrets`, so a key cannot leak through a message, a provider body
 * that echoes it (at any depth, as a value or a key), `toJSON` or `util.inspect`.
 *
 * A provider may echo a key in another spelling than it was sent, so each secret is registered with the
 * forms it takes on the way: base64 and base64url (Basic auth, tokens inside JWT-like strings, including a
 * key embedded in a longer encoded string such as `user:key`), URL-encoded (query strings, form bodies)
 * and JSON-escaped (a JSON body quoted inside a message or a text body, PHP's `\/`).
 */
const secrets = new Set<string>();
/** Every spelling of every secret, longest first (so a longer form is replaced before a part of it). */
let needles: string[] = [];
const REDACTED = '[REDACTED]';
const TOO_DEEP = '[nested too deep]';
const SENSITIVE_KEY =
  /^(authorization|proxy-authorization|api[-_]?key|x-api-key|private[-_]?key|password|secret|token)$/i;
/** Shortest secret registered (shorter strings would redact ordinary words). */
const MIN_SECRET = 6;
/** Shortest derived spelling redacted: a shorter run of base64 characters could be an ordinary word. */
const MIN_NEEDLE = 8;

/** Registers a credential (and, for Basic auth, its encoded forms) for redaction. Short strings are ignored. */
export function registerSecret(...values: Array<string | undefined>): void {
  let added = false;
  for (const value of values) {
    if (value && value.length >= MIN_SECRET && !secrets.has(value)) {
      secrets.add(value);
      added = true;
    }
  }
  if (!added) return;
  const all = new Set<string>();
  for (const secret of secrets) for (const form of spellings(secret)) all.add(form);
  needles = [...all].sort((a, b) => b.length - a.length);
}

/** The secret and every encoded form worth redacting. */
export function spellings(secret: string): string[] {
  const out = new Set<string>([secret]);
  const add = (form: string) => {
    if (form.length >= MIN_NEEDLE || form === secret) out.add(form);
  };
  const json = JSON.stringify(secret).slice(1, -1);
  add(json);
  add(json.replaceAll('/', '\\/'));
  add(JSON.stringify(json).slice(1, -1)); // JSON inside JSON
  add(encodeURIComponent(secret));
  add(encodeURIComponent(secret).replaceAll('%20', '+'));
  add(encodeURI(secret));
  for (const form of base64Forms(secret)) add(form);
  return [...out];
}

/**
 * The base64 (and base64url) characters that depend only on the secret's bytes, at each of the three
 * alignments the secret can have inside a longer encoded string (`base64("user:" + key)`): whatever comes
 * before or after it, these runs appear in the encoding. A whole-string encoding (alignment 0, with its
 * padding) is included as is.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  const whole = bytes.toString('base64');
  out.push(whole, whole.replace(/=+$/, ''));
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64');
    // Characters mixing prefix bits: none at offset 0, 2 at offset 1, 3 at offset 2.
    const skip = [0, 2, 3][offset]!;
    // Only whole 3-byte groups: the last partial group mixes in whatever follows.
    const end = Math.floor(padded.length / 3) * 4;
    const run = encoded.slice(skip, end);
    out.push(run);
  }
  return out.flatMap((form) => [form, form.replaceAll('+', '-').replaceAll('/', '_')]);
}

/** Replaces every registered credential (see {@link registerSecret}) in `text` with `[REDACTED]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const needle of needles) {
    if (out.includes(needle)) out = out.split(needle).join(REDACTED);
  }
  return out;
}

/**
 * A deep copy with every registered secret (in values and in keys), and the value of any
 * credential-named key, redacted. Iterative, so no depth is too deep; shared and circular references
 * become shared and circular in the copy. Objects other than arrays are copied as plain objects of their
 * own enumerable properties (`__proto__` kept as data). With `maxDepth`, anything nested deeper is
 * replaced by a marker (for `toJSON`, whose output must stay printable by the recursive JSON.stringify).
 */
export function redactDeep(value: unknown, maxDepth = Number.POSITIVE_INFINITY): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  const copies = new Map<object, unknown>();
  const root = shell(value);
  copies.set(value, root);
  const work: Array<[object, Record<string | number, unknown>, number]> = [[value, root, 1]];
  while (work.length > 0) {
    const [source, target, depth] = work.pop()!;
    const isArray = Array.isArray(source);
    for (const key of Object.keys(source)) {
      const item = (source as Record<string, unknown>)[key];
      let copied: unknown;
      if (!isArray && SENSITIVE_KEY.test(key) && item != null) copied = REDACTED;
      else if (typeof item === 'string') copied = redactSecrets(item);
      else if (item === null || typeof item !== 'object') copied = item;
      else if (copies.has(item)) copied = copies.get(item);
      else if (depth >= maxDepth) copied = TOO_DEEP;
      else {
        const copy = shell(item);
        copies.set(item, copy);
        work.push([item, copy, depth + 1]);
        copied = copy;
      }
      if (isArray) target[key as unknown as number] = copied;
      else {
        Object.defineProperty(target, redactSecrets(key), {
          value: copied,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return root;
}

function shell(value: object): Record<string | number, unknown> {
  return (Array.isArray(value) ? new Array(value.length) : {}) as Record<string | number, unknown>;
}
