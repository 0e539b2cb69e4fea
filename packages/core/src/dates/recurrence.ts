import { daysInMonth, normalizeInstant } from './instant';

export interface RecurrenceLike {
  interval: 'day' | 'week' | 'month' | 'year';
  count: number;
}

/** The instant one recurrence after `instant`, in UTC; month ends clamp (Jan 31 + 1 month = Feb 28/29). */
export function addRecurrence(instant: string, recurrence: RecurrenceLike, times = 1): string {
  const date = new Date(normalizeInstant(instant));
  const n = recurrence.count * times;
  if (recurrence.interval === 'day' || recurrence.interval === 'week') {
    const days = recurrence.interval === 'day' ? n : n * 7;
    return new Date(date.getTime() + days * 86_400_000).toISOString();
  }
  const months = recurrence.interval === 'month' ? n : n * 12;
  const total = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month + 1));
  const out = new Date(date.getTime());
  out.setUTCFullYear(year, month, day);
  return out.toISOString();
}
