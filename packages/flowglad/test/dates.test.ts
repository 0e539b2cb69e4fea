import { instantToEpochMs } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate } from '../src/from-provider';
import { flowglad } from '../src/index';
import { invoice } from './helpers';

const MIN = Date.UTC(1971, 0, 1);
const MAX = Date.UTC(2199, 11, 31);
const epochMs = fc.integer({ min: MIN, max: MAX });

describe('dates both ways', () => {
  it('epoch milliseconds (current records) read as the same instant, to the millisecond', () => {
    fc.assert(
      fc.property(epochMs, (ms) => {
        expect(instantToEpochMs(readDate(ms))).toBe(ms);
      }),
    );
  });

  it('ISO strings with any offset (older records) read as the same instant, normalised to UTC', () => {
    fc.assert(
      fc.property(epochMs, fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offsetMinutes) => {
        const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(readDate(`${local}${zone}`)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('every invoice date goes out as ISO 8601 and comes back unchanged, from the request and from an epoch-ms record', () => {
    fc.assert(
      fc.property(epochMs, epochMs, epochMs, (a, b, c) => {
        const [issued, due, end] = [a, b, c].map((ms) => new Date(ms).toISOString()) as [
          string,
          string,
          string,
        ];
        const [start, stop] = due <= end ? [due, end] : [end, due];
        const doc = invoice({
          issuedAt: issued,
          dueAt: due,
          subscription: { id: 'sub_test_1' },
          period: { start, end: stop },
          providerOptions: { flowglad: { billingPeriodId: 'billing_period_test_1' } },
        });
        const { request } = flowglad.toCreateRequest(doc);
        expect(request.invoice.invoiceDate).toBe(issued);
        const back = flowglad.fromProvider(JSON.parse(JSON.stringify(request))).value;
        expect([back.issuedAt, back.dueAt, back.period]).toEqual([issued, due, { start, end: stop }]);

        // The same invoice as current Flowglad stores it (epoch ms) reads back to the same instants.
        const record = {
          invoice: {
            ...request.invoice,
            id: 'inv_000000000000000000000',
            createdAt: a,
            updatedAt: a,
            livemode: false,
            organizationId: 'org_test_1',
            invoiceDate: a,
            dueDate: b,
            billingPeriodStartDate: Date.parse(start),
            billingPeriodEndDate: Date.parse(stop),
          },
          invoiceLineItems: [],
        };
        const read = flowglad.fromProvider(record).value;
        expect([read.issuedAt, read.dueAt, read.period, read.createdAt]).toEqual([
          issued,
          due,
          { start, end: stop },
          issued,
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a date that is not an instant', () => {
    const { request } = flowglad.toCreateRequest(invoice());
    expect(() =>
      flowglad.fromProvider({ ...request, invoice: { ...request.invoice, invoiceDate: 'tomorrow' } }),
    ).toThrow(/invoiceDate/);
  });
});
