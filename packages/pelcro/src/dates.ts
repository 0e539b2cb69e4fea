/**
 * Pelcro answers dates in more than one form (card §9): integer epoch seconds, ISO 8601 strings with
 * microseconds, and (Laravel's default serialisation) naive "YYYY-MM-DD HH:MM:SS", which we read as UTC
 * and say so.
 */
import { epochSecondsToInstant, isInstant, normalizeInstant, type WarningCollector } from '@billbridge/core';

const NAIVE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?$/;

export function readPelcroDate(value: unknown, path: string, w: WarningCollector): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return epochSecondsToInstant(value);
  if (typeof value === 'string') {
    if (/^-?\d{1,15}$/.test(value)) return epochSecondsToInstant(Number(value));
    if (isInstant(value)) return normalizeInstant(value);
    const naive = NAIVE.exec(value);
    if (naive) {
      const instant = `${naive[1]}T${naive[2] ?? '00:00:00'}Z`;
      if (isInstant(instant)) {
        w.defaulted(path, `Pelcro sent "${value}" without a zone; it is read as UTC.`);
        return normalizeInstant(instant);
      }
    }
  }
  w.unrecognized(
    path,
    `Pelcro sent ${JSON.stringify(value)}, which is neither epoch seconds nor an ISO 8601 date; it is not kept.`,
  );
  return undefined;
}
