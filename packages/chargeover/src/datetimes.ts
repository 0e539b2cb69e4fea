/**
 * ChargeOver date-times, read either way they come: ISO 8601 with an offset ("ChargeOver returns datetime
 * fields in ISO 8601 format … 2022-10-25T08:50:45-05:00", the documented default), or the older naive
 * `YYYY-MM-DD HH:MM:SS`, a wall-clock time in the account's zone.
 */
import { instantToNaive, naiveToInstant, normalizeInstant } from '@billbridge/core';
import { NAIVE_DATETIME } from './wire';

/** A wire date-time → a canonical UTC instant; a naive one is read in `timeZone`. */
export function wireDateTimeToInstant(value: string, timeZone: string): string {
  return NAIVE_DATETIME.test(value) ? naiveToInstant(value, timeZone) : normalizeInstant(value);
}

/**
 * An instant as ChargeOver writes it by default: the account's wall-clock time with its offset,
 * `2026-03-08T22:00:00-05:00` (whole seconds).
 */
export function instantToOffsetDateTime(instant: string, timeZone: string): string {
  const naive = instantToNaive(instant, timeZone);
  const seconds = Math.floor(Date.parse(instant) / 1000) * 1000;
  const offsetMinutes = Math.round((Date.parse(`${naive.replace(' ', 'T')}Z`) - seconds) / 60_000);
  const abs = Math.abs(offsetMinutes);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${naive.replace(' ', 'T')}${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
