/** Longest piece of an input an error message quotes. */
export const EXCERPT_LENGTH = 40;

/**
 * A short, bounded rendering of an input value for an error message: strings are quoted and cut after
 * `max` characters, numbers and booleans are shown, objects and arrays are named, never serialised (a
 * hostile value may be huge, deep or circular).
 */
export function excerpt(value: unknown, max = EXCERPT_LENGTH): string {
  if (typeof value === 'string') {
    const cut = value.length > max ? `${value.slice(0, max)}…` : value;
    return `${JSON.stringify(cut)}${value.length > max ? ` (${value.length} characters)` : ''}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}

/** A message or free text cut to `max` characters, so a provider's or an input's text cannot flood a message. */
export function clip(text: string, max = 400): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
