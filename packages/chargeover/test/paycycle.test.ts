import { describe, expect, it } from 'vitest';
import { chargeover, PAYCYCLE_CODES, paycycleToRecurrence, recurrenceToPaycycle } from '../src/index';

const EXACT = [
  ['dly', 'day', 1],
  ['1wk', 'week', 1],
  ['2wk', 'week', 2],
  ['4wk', 'week', 4],
  ['8wk', 'week', 8],
  ['12w', 'week', 12],
  ['30d', 'day', 30],
  ['mon', 'month', 1],
] as const;

const APPROXIMATED = [
  ['116', 'day', 15],
  ['2mn', 'month', 2],
  ['qtr', 'month', 3],
  ['six', 'month', 6],
  ['yrl', 'year', 1],
  ['2yr', 'year', 2],
  ['3yr', 'year', 3],
  ['4yr', 'year', 4],
  ['5yr', 'year', 5],
  ['10y', 'year', 10],
] as const;

describe('paycycle ↔ recurrence', () => {
  it.each(EXACT)('%s is exactly every %s × %i, both ways', (code, interval, count) => {
    expect(paycycleToRecurrence(code)).toEqual({ kind: 'exact', recurrence: { interval, count } });
    expect(recurrenceToPaycycle({ interval, count })).toEqual({ code, exact: true });
  });

  it.each(APPROXIMATED)(
    '%s reads as every %s × %i and is reported approximated both ways',
    (code, interval, count) => {
      const read = paycycleToRecurrence(code);
      expect(read).toMatchObject({ kind: 'approximated', recurrence: { interval, count } });
      const written = recurrenceToPaycycle({ interval, count });
      expect(written).toMatchObject({ code, exact: false });
    },
  );

  it('passes the undescribed codes through and reports them', () => {
    for (const code of ['evy', 'fst', 'lst', 'one']) {
      expect(paycycleToRecurrence(code)).toMatchObject({ kind: 'passthrough', code });
    }
    expect(paycycleToRecurrence('xyz')).toMatchObject({ kind: 'passthrough', code: 'xyz' });
  });

  it('covers every documented code', () => {
    const covered = new Set([...EXACT, ...APPROXIMATED].map(([code]) => code as string));
    for (const code of ['evy', 'fst', 'lst', 'one']) covered.add(code);
    expect([...covered].sort()).toEqual([...PAYCYCLE_CODES].sort());
  });

  it('sends the nearest code for a recurrence ChargeOver has no cycle for', () => {
    expect(recurrenceToPaycycle({ interval: 'week', count: 3 })).toMatchObject({ code: '4wk', exact: false });
    expect(recurrenceToPaycycle({ interval: 'day', count: 60 })).toMatchObject({ code: '2mn', exact: false });
    expect(recurrenceToPaycycle({ interval: 'month', count: 12 })).toMatchObject({
      code: 'yrl',
      exact: false,
    });
    expect(recurrenceToPaycycle({ interval: 'day', count: 7 })).toMatchObject({ code: '1wk', exact: false });
    expect(recurrenceToPaycycle({ interval: 'year', count: 12 })).toMatchObject({
      code: '10y',
      exact: false,
    });
  });

  it('through the adapter: warnings in both directions, strict refuses, raw codes round-trip', () => {
    const doc = {
      currency: 'USD',
      customer: { id: '1' },
      recurrence: { interval: 'month' as const, count: 2 },
      lines: [
        {
          quantity: 1,
          unitAmount: 100,
          product: { id: '4' },
          recurrence: { interval: 'week' as const, count: 2 },
        },
      ],
    };
    const out = chargeover.toCreateRequest(doc, { currencyIds: { USD: 1 } });
    expect(out.request.paycycle).toBe('2mn');
    expect(out.request.line_items[0]?.paycycle).toBe('2wk');
    expect(out.warnings).toEqual([expect.objectContaining({ code: 'approximated', path: 'recurrence' })]);
    expect(() => chargeover.toCreateRequest(doc, { currencyIds: { USD: 1 }, strict: true })).toThrow(
      /every 61 days/,
    );

    const back = chargeover.fromProvider({ ...out.request, paycycle: 'one' }, { currencyIds: { USD: 1 } });
    expect(back.value.recurrence).toBeUndefined();
    expect(back.value.providerOptions).toEqual({ chargeover: { paycycle: 'one' } });
    expect(back.warnings).toEqual([expect.objectContaining({ code: 'unrecognized', path: 'paycycle' })]);
    const again = chargeover.toCreateRequest(back.value, { currencyIds: { USD: 1 } });
    expect(again.request.paycycle).toBe('one');
  });
});
