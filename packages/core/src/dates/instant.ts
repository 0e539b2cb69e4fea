/** ISO 8601 instants: every date in the canonical model is one, normalised to UTC on output. */

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && parseInstantMs(value) !== undefined;
}

/** Milliseconds since the epoch for a valid ISO 8601 instant with a zone, or undefined. */
export function parseInstantMs(value: string): number | undefined {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** A valid instant, normalised to `YYYY-MM-DDTHH:MM:SS.sssZ`; throws a RangeError naming the value otherwise. */
export function normalizeInstant(value: string): string {
  const ms = parseInstantMs(value);
  if (ms === undefined) {
    throw new RangeError(`"${value}" is not an ISO 8601 instant with a zone (e.g. 2026-01-05T00:00:00Z).`);
  }
  return new Date(ms).toISOString();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function instantToEpochMs(instant: string): number {
  return parseInstantMs(instant) ?? Number.NaN;
}

export function epochMsToInstant(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`${ms} is not a whole number of epoch milliseconds.`);
  return new Date(ms).toISOString();
}

/** Epoch seconds; an instant with a fraction of a second is refused rather than truncated. */
export function instantToEpochSeconds(instant: string): number {
  const ms = normalizedMs(instant);
  if (ms % 1000 !== 0)
    throw new RangeError(`${instant} has a fraction of a second; epoch seconds cannot hold it.`);
  return ms / 1000;
}

/** Epoch seconds, dropping any fraction of a second (callers warn when they use this). */
export function instantToEpochSecondsFloor(instant: string): number {
  return Math.floor(normalizedMs(instant) / 1000);
}

export function epochSecondsToInstant(seconds: number): string {
  if (!Number.isSafeInteger(seconds))
    throw new RangeError(`${seconds} is not a whole number of epoch seconds.`);
  return epochMsToInstant(seconds * 1000);
}

function normalizedMs(instant: string): number {
  const ms = parseInstantMs(instant);
  if (ms === undefined) throw new RangeError(`"${instant}" is not an ISO 8601 instant with a zone.`);
  return ms;
}
