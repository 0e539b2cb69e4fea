import { CURRENCY_CODES, minorUnitExponent } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowglad } from '../src/index';
import { flowgladExponent, flowgladToMinor, minorToFlowglad } from '../src/money';
import { invoice } from './helpers';

describe('Flowglad unit rule', () => {
  it('counts zero-decimal currencies whole and every other one in 1/100, KWD included', () => {
    expect(flowgladExponent('JPY')).toBe(0);
    expect(flowgladExponent('MGA')).toBe(0);
    expect(flowgladExponent('USD')).toBe(2);
    expect(flowgladExponent('KWD')).toBe(2);
    expect(flowgladExponent('ISK')).toBe(2);
  });

  it('converts KWD 1.234 to 123 Flowglad units, flagged as lossy', () => {
    expect(minorToFlowglad(1234, 'KWD')).toEqual({ value: 123, exact: '123.4', lossless: false });
    expect(minorToFlowglad(1230, 'KWD')).toEqual({ value: 123, exact: '123', lossless: true });
    expect(minorToFlowglad(1235, 'KWD').value).toBe(124); // half away from zero
    expect(minorToFlowglad(-1235, 'KWD').value).toBe(-124);
  });

  it('keeps JPY and USD as they are, and scales ISK and MGA', () => {
    expect(minorToFlowglad(1500, 'JPY')).toEqual({ value: 1500, exact: '1500', lossless: true });
    expect(minorToFlowglad(1234, 'USD')).toEqual({ value: 1234, exact: '1234', lossless: true });
    expect(minorToFlowglad(15, 'ISK')).toEqual({ value: 1500, exact: '1500', lossless: true });
    expect(flowgladToMinor(1550, 'ISK')).toEqual({ value: 16, exact: '15.5', lossless: false });
    expect(minorToFlowglad(150, 'MGA')).toEqual({ value: 2, exact: '1.5', lossless: false });
  });

  it('every currency: whole ISO amounts go to Flowglad and back exactly when the units allow it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        (currency, minor) => {
          const there = minorToFlowglad(minor, currency);
          const shift = flowgladExponent(currency) - minorUnitExponent(currency);
          if (shift >= 0) {
            // Flowglad's unit is as fine or finer: exact, and back again unchanged.
            expect(there.lossless).toBe(true);
            expect(flowgladToMinor(there.value, currency)).toEqual({
              value: minor,
              exact: String(minor),
              lossless: true,
            });
          } else {
            // Coarser (KWD, BHD, … , MGA): lossless exactly when nothing is cut off, and never off by more than half a unit.
            const divisor = 10 ** -shift;
            expect(there.lossless).toBe(minor % divisor === 0);
            const back = flowgladToMinor(there.value, currency).value;
            expect(Math.abs(back - minor)).toBeLessThanOrEqual(divisor / 2);
          }
        },
      ),
    );
  });

  it('every currency: Flowglad amounts come back exactly (as a decimal when finer than the ISO unit)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
        (currency, units) => {
          const minor = flowgladToMinor(units, currency);
          expect(minorToFlowglad(minor.exact, currency)).toEqual({
            value: units,
            exact: String(units),
            lossless: true,
          });
        },
      ),
    );
  });
});

describe('must show: KWD and JPY invoices', () => {
  it('a KWD invoice converts with the precision warning', () => {
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({ currency: 'KWD', lines: [{ description: 'Service', quantity: 1, unitAmount: 1234 }] }),
    );
    expect(request.invoiceLineItems[0]).toMatchObject({ price: 123, quantity: 1 });
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'approximated',
        path: 'lines[0].unitAmount',
        message: expect.stringContaining('123.4'),
      }),
    );
    expect(() =>
      flowglad.toCreateRequest(invoice({ currency: 'KWD', lines: [{ quantity: 1, unitAmount: 1234 }] }), {
        strict: true,
      }),
    ).toThrow(/lines\[0\]\.unitAmount \(approximated\)/);
  });

  it('a JPY invoice converts without one', () => {
    const { request, warnings } = flowglad.toCreateRequest(
      invoice({ currency: 'JPY', lines: [{ description: 'Service', quantity: 3, unitAmount: 1500 }] }),
    );
    expect(request.invoiceLineItems[0]).toMatchObject({ price: 1500, quantity: 3 });
    expect(request.invoice.subtotal).toBe(4500);
    expect(warnings.filter((w) => w.code === 'approximated' || w.code === 'unsupported')).toEqual([]);
  });
});
