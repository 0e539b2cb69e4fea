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
 * Documents repeat the same few instants (every line of an invoice shares its period), so valid ones are
 * remembered: a hit costs one hash of a string V8 has usually hashed already. Bounded: cleared when full.
 */
const READ_CACHE = new Map<string, string>();
const READ_CACHE_LIMIT = 2048;

/** A valid instant, normalised to `YYYY-MM-DDTHH:MM:SS.sssZ`, or undefined: one parse, remembered. */
export function readInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cached = READ_CACHE.get(value);
  if (cached !== undefined) return cached;
  const normalised = readNormalisedInstant(value) ?? rewriteInstant(value);
  if (normalised === undefined) return undefined;
  if (READ_CACHE.size >= READ_CACHE_LIMIT) READ_CACHE.clear();
  READ_CACHE.set(value, normalised);
  return normalised;
}

/** Any other spelling (offsets, no seconds, z, fractions of any length): regex, then Date arithmetic. */
function rewriteInstant(value: string): string | undefined {
  const ms = parseInstantMs(value);
  if (ms === undefined) return undefined;
  return NORMALISED.test(value) ? value : isoFromMs(ms);
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
  // One flat string from its character codes: a template literal builds a rope of a dozen pieces, which
  // the reader of the instant (a Map key, a character scan) has to flatten again.
  return String.fromCharCode(
    ZERO + Math.floor(year / 1000),
    ZERO + (Math.floor(year / 100) % 10),
    ZERO + (Math.floor(year / 10) % 10),
    ZERO + (year % 10),
    DASH,
    ZERO + Math.floor(month / 10),
    ZERO + (month % 10),
    DASH,
    ZERO + Math.floor(day / 10),
    ZERO + (day % 10),
    UPPER_T,
    ZERO + Math.floor(hour / 10),
    ZERO + (hour % 10),
    COLON,
    ZERO + Math.floor(minute / 10),
    ZERO + (minute % 10),
    COLON,
    ZERO + Math.floor(second / 10),
    ZERO + (second % 10),
    DOT,
    ZERO + Math.floor(milli / 100),
    ZERO + (Math.floor(milli / 10) % 10),
    ZERO + (milli % 10),
    UPPER_Z,
  );
}

const ZERO = 0x30;
const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const UPPER_T = 0x54;
const UPPER_Z = 0x5a;

/** The digit at `at` (0-9), or NaN for any other character (so any sum it enters fails every range test). */
function digitAt(value: string, at: number): number {
  const code = value.charCodeAt(at) - ZERO;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/**
 * `value` itself when it is already a valid normalised instant (`YYYY-MM-DDTHH:MM:SS.sssZ`, a real
 * calendar date), else undefined (then the general reader decides, which also reads this form): what
 * instants written by billbridge look like, checked by character codes, without a regex or the cache.
 */
function readNormalisedInstant(value: string): string | undefined {
  if (
    value.length !== 24 ||
    value.charCodeAt(4) !== DASH ||
    value.charCodeAt(7) !== DASH ||
    value.charCodeAt(10) !== UPPER_T ||
    value.charCodeAt(13) !== COLON ||
    value.charCodeAt(16) !== COLON ||
    value.charCodeAt(19) !== DOT ||
    value.charCodeAt(23) !== UPPER_Z
  ) {
    return undefined;
  }
  const year =
    digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const month = digitAt(value, 5) * 10 + digitAt(value, 6);
  const day = digitAt(value, 8) * 10 + digitAt(value, 9);
  const hour = digitAt(value, 11) * 10 + digitAt(value, 12);
  const minute = digitAt(value, 14) * 10 + digitAt(value, 15);
  const second = digitAt(value, 17) * 10 + digitAt(value, 18);
  const milli = digitAt(value, 20) * 100 + digitAt(value, 21) * 10 + digitAt(value, 22);
  // NaN fails every comparison, so a non-digit anywhere ends here.
  if (!(year >= 0 && milli >= 0 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  if (!(day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  return value;
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

/**
 * The instants of epoch-seconds dates read lately: providers that send epoch seconds (Pelcro) repeat the
 * same few dates, and returning the same string each time also lets readInstant's cache answer at once.
 */
const SECONDS_CACHE = new Map<number, string>();

export function epochSecondsToInstant(seconds: number): string {
  const cached = SECONDS_CACHE.get(seconds);
  if (cached !== undefined) return cached;
  if (!Number.isSafeInteger(seconds))
    throw new RangeError(`${seconds} is not a whole number of epoch seconds.`);
  const instant = epochMsToInstant(seconds * 1000);
  if (SECONDS_CACHE.size >= READ_CACHE_LIMIT) SECONDS_CACHE.clear();
  SECONDS_CACHE.set(seconds, instant);
  return instant;
}

function normalizedMs(instant: string): number {
  const ms = parseInstantMs(instant);
  if (ms === undefined) throw new RangeError(`"${instant}" is not an ISO 8601 instant with a zone.`);
  return ms;
}
