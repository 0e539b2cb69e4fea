/** Longest path segment shown; a key is input too, and a message quotes only a bounded excerpt of it. */
const MAX_SEGMENT = 64;

/** `['lines', 2, 'amount']` → `lines[2].amount` (a key longer than 64 characters is cut, marked with …). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      continue;
    }
    let text = String(segment);
    if (text.length > MAX_SEGMENT) text = `${text.slice(0, MAX_SEGMENT)}…`;
    out += out ? `.${text}` : text;
  }
  return out;
}
