/** How a value reads in a test's message: undefined, NaN, -0 and symbols spelled out; objects as JSON. */

/** `value` spelled out, cut at `max` characters. */
export function show(value: unknown, max = 300): string {
  const text = spell(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function spell(value: unknown): string {
  if (typeof value === 'symbol' || typeof value === 'bigint' || typeof value === 'function')
    return String(value);
  if (value === undefined) return 'undefined';
  if (Object.is(value, -0)) return '-0';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return (
      JSON.stringify(value, (_key, v) =>
        v === undefined ? '<undefined>' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
      ) ?? String(value)
    );
  } catch {
    return String(value);
  }
}
