/** ISO 8601 instants: every date in the canonical model is one, normalised to UTC on output. */

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function isInstant(value: unknown): value is string {
  return readInstant(value) !== undefined;
}

/** Milliseconds since the epoch for a valid ISO 8601 instant with a zone, or undefined. */
export function parseInstantMs(value: string): number | undefined {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // Milliseconds from the first three fraction digits; finer digits are truncated, as Date does.
  const ms = fraction ? Number(`${fraction.slice(1)}00`.slice(0, 3)) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC reads years 0-99 as 1900-1999; move those back to the year written.
  const exact = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return exact - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/** Already in the normalised form `YYYY-MM-DDTHH:MM:SS.sssZ` (and valid): nothing to rewrite. */
const NORMALISED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Documents repeat the same few instants (every line of an invoice shares its period), and reading one
 * is the costliest check in parsing a document, so valid ones are remembered. Bounded: cleared when full.
 */
const READ_CACHE = new Map<string, string>();
const READ_CACHE_LIMIT = 2048;

/** A valid instant, normalised to `YYYY-MM-DDTHH:MM:SS.sssZ`, or undefined: one parse, remembered. */
export function readInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cached = READ_CACHE.get(value);
  if (cached !== undefined) return cached;
  const ms = parseInstantMs(value);
  if (ms === undefined) return undefined;
  const normalised = NORMALISED.test(value) ? value : isoFromMs(ms);
  if (READ_CACHE.size >= READ_CACHE_LIMIT) READ_CACHE.clear();
  READ_CACHE.set(value, normalised);
  return normalised;
}

/** `new Date(ms).toISOString()`, by integer arithmetic where that is exact (1970–9999) and much faster. */
function isoFromMs(ms: number): string {
  return ms >= 0 && ms <= MAX_FOUR_DIGIT_YEAR_MS ? isoFromEpochMs(ms) : new Date(ms).toISOString();
}

/** 9999-12-31T23:59:59.999Z */
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
const DAY_MS = 86_400_000;

/**
 * `new Date(ms).toISOString()` for 0 ≤ ms ≤ 9999-12-31T23:59:59.999Z, by integer arithmetic (the
 * days-to-civil-date conversion of H. Hinnant's date algorithms). Checked against toISOString over the
 * whole range in test/fast-parse.test.ts.
 */
export function isoFromEpochMs(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  // Days since 0000-03-01 in 400-year eras of 146097 days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A valid instant, normalised to `YYYY-MM-DDTHH:MM:SS.sssZ`; throws a RangeError naming the value otherwise. */
export function normalizeInstant(value: string): string {
  const normalised = readInstant(value);
  if (normalised === undefined) {
    throw new RangeError(`"${value}" is not an ISO 8601 instant with a zone (e.g. 2026-01-05T00:00:00Z).`);
  }
  return normalised;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Epoch milliseconds of the instants read lately (adapters compare the same few dates on every call). */
const EPOCH_CACHE = new Map<string, number>();

export function instantToEpochMs(instant: string): number {
  const cached = EPOCH_CACHE.get(instant);
  if (cached !== undefined) return cached;
  const ms = parseInstantMs(instant) ?? Number.NaN;
  if (EPOCH_CACHE.size >= READ_CACHE_LIMIT) EPOCH_CACHE.clear();
  EPOCH_CACHE.set(instant, ms);
  return ms;
}

export function epochMsToInstant(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`${ms} is not a whole number of epoch milliseconds.`);
  return isoFromMs(ms);
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
