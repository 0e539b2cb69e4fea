/**
 * Wall-clock forms that carry no zone (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`): the zone is always an
 * explicit argument. Wall times that fall in a DST gap move forward and ambiguous ones take the earlier
 * instant, as Temporal's "compatible" disambiguation does.
 */
import { daysInMonth, parseInstantMs } from './instant';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(value: string): boolean {
  try {
    formatterFor(value);
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

function wallTimeAt(ms: number, timeZone: string): WallTime {
  // UTC needs no Intl lookup (the commonest zone, and formatToParts is slow).
  if (UTC_ZONES.has(timeZone)) {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallAsUtcMs(w: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(w.year, w.month - 1, w.day);
  date.setUTCHours(w.hour, w.minute, w.second, 0);
  return date.getTime();
}

/** Offset of the zone from UTC at an instant, in milliseconds (whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return wallAsUtcMs(wallTimeAt(wholeSecond, timeZone)) - wholeSecond;
}

function wallToEpochMs(wall: WallTime, timeZone: string): number {
  const local = wallAsUtcMs(wall);
  const day = 86_400_000;
  const before = local - offsetAt(local - day, timeZone);
  const after = local - offsetAt(local + day, timeZone);
  const fits = (t: number) => wallAsUtcMs(wallTimeAt(t, timeZone)) === local;
  const candidates = [before, after].filter(fits);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: keep the offset from before the transition, which moves the wall time forward.
  return before;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function instantMs(instant: string): number {
  const ms = parseInstantMs(instant);
  if (ms === undefined) throw new RangeError(`"${instant}" is not an ISO 8601 instant with a zone.`);
  return ms;
}

/** The calendar date of an instant in a zone: `YYYY-MM-DD`. */
function computeInstantToDateOnly(instant: string, timeZone = 'UTC'): string {
  const w = wallTimeAt(instantMs(instant), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Midnight of a `YYYY-MM-DD` date in a zone, as a UTC instant. */
function computeDateOnlyToInstant(date: string, timeZone = 'UTC'): string {
  const match = DATE_ONLY.exec(date);
  const wall = match && checkedWall(match.slice(1, 4).map(Number), [0, 0, 0]);
  if (!wall) throw new RangeError(`"${date}" is not a calendar date in the form YYYY-MM-DD.`);
  return new Date(wallToEpochMs(wall, timeZone)).toISOString();
}

/** The wall-clock time of an instant in a zone: `YYYY-MM-DD HH:MM:SS` (fractions of a second dropped). */
function computeInstantToNaive(instant: string, timeZone: string): string {
  const w = wallTimeAt(instantMs(instant), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** A naive `YYYY-MM-DD HH:MM:SS` wall-clock time in a zone, as a UTC instant. */
function computeNaiveToInstant(naive: string, timeZone: string): string {
  const match = NAIVE.exec(naive);
  const wall = match && checkedWall(match.slice(1, 4).map(Number), match.slice(4, 7).map(Number));
  if (!wall) throw new RangeError(`"${naive}" is not a date-time in the form YYYY-MM-DD HH:MM:SS.`);
  return new Date(wallToEpochMs(wall, timeZone)).toISOString();
}

function checkedWall(date: number[], time: number[]): WallTime | undefined {
  const [year = 0, month = 0, day = 0] = date;
  const [hour = 0, minute = 0, second = 0] = time;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second };
}

/**
 * The conversions are pure, each costs several Intl lookups outside UTC, and a run of invoices repeats
 * the same few dates and zones: a small bounded cache returns the very same strings. Errors are not
 * cached, so a bad value throws each time.
 */
const MEMO_LIMIT = 1024;

function memoised(convert: (value: string, timeZone: string) => string) {
  // Keyed by zone, then by value: no key string is built (and hashed) per lookup.
  const byZone = new Map<string, Map<string, string>>();
  let size = 0;
  return (value: string, timeZone = 'UTC'): string => {
    let cache = byZone.get(timeZone);
    let out = cache?.get(value);
    if (out === undefined) {
      out = convert(value, timeZone);
      if (size >= MEMO_LIMIT) {
        byZone.clear();
        size = 0;
        cache = undefined;
      }
      if (!cache) {
        cache = new Map();
        byZone.set(timeZone, cache);
      }
      cache.set(value, out);
      size++;
    }
    return out;
  };
}

/** The calendar date of an instant in a zone: `YYYY-MM-DD`. */
export const instantToDateOnly = memoised(computeInstantToDateOnly);
/** Midnight of a `YYYY-MM-DD` date in a zone, as a UTC instant. */
export const dateOnlyToInstant = memoised(computeDateOnlyToInstant);
/** The wall-clock time of an instant in a zone: `YYYY-MM-DD HH:MM:SS` (fractions of a second dropped). */
export const instantToNaive: (instant: string, timeZone: string) => string = memoised(computeInstantToNaive);
/** A naive `YYYY-MM-DD HH:MM:SS` wall-clock time in a zone, as a UTC instant. */
export const naiveToInstant: (naive: string, timeZone: string) => string = memoised(computeNaiveToInstant);
