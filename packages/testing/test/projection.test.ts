import { type Invoice, type Order, ValidationError } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { compareProjections, fieldPresent, project, projectField, warningPathPatterns } from '../src';
import { findLeaks } from '../src/conformance/leaks';
import { documentTotals } from '../src/conformance/totals';
import { tinyAdapter } from './support/tiny-adapter';

const withProto = (value: unknown) =>
  JSON.parse(`{"__proto__": ${JSON.stringify(value)}, "constructor": "c"}`);

const invoice = (over: Partial<Invoice> = {}): Invoice => ({
  currency: 'USD',
  customer: { id: 'cus_1' },
  lines: [
    { quantity: '2.50', unitAmount: 12 },
    { quantity: 1, unitAmountDecimal: '0.040', description: 'API calls' },
  ],
  ...over,
});

describe('field projection', () => {
  it('normalises quantities and unit prices whichever field carries them', () => {
    const a = invoice();
    const b = invoice({
      lines: [
        { quantity: 2.5, unitAmountDecimal: '12' },
        { quantity: '1.0', unitAmountDecimal: '0.04', description: 'API calls' },
      ],
    });
    const fields = ['lines.quantity', 'lines.unitAmount', 'lines.subMinorUnitAmount', 'lines.description'];
    expect(projectField(a, 'lines.quantity')).toEqual(['2.5', '1']);
    expect(projectField(a, 'lines.unitAmount')).toEqual(['12', '0.04']);
    expect(compareProjections(project(a, fields), project(b, fields))).toEqual([]);
  });

  it('reports a changed value at its line, and a changed line count', () => {
    const fields = ['lines.description', 'lines.unitAmount'];
    const changed = invoice({
      lines: [invoice().lines[0]!, { quantity: 1, unitAmountDecimal: '0.04', description: 'API' }],
    });
    expect(compareProjections(project(invoice(), fields), project(changed, fields))).toEqual([
      { field: 'lines.description', at: '[1]', expected: 'API calls', actual: 'API' },
    ]);
    const shorter = invoice({ lines: [invoice().lines[0]!] });
    expect(
      compareProjections(project(invoice(), fields), project(shorter, fields)).map((m) => m.field),
    ).toEqual(fields);
  });

  it('does not compare what the input left out, but does compare what it gave', () => {
    const fields = ['status', 'memo'];
    const back = invoice({ status: 'draft', memo: 'x' });
    expect(compareProjections(project(invoice(), fields), project(back, fields))).toEqual([]);
    expect(compareProjections(project(invoice({ memo: 'y' }), fields), project(back, fields))).toHaveLength(
      1,
    );
    expect(
      compareProjections(project(invoice({ memo: 'y' }), fields), project(invoice(), fields)),
    ).toHaveLength(1);
  });

  it('compares metadata with __proto__ and constructor keys as plain data', () => {
    const a = invoice({ metadata: withProto('p') });
    expect(Object.hasOwn(a.metadata!, '__proto__')).toBe(true);
    expect(
      compareProjections(
        project(a, ['metadata']),
        project(invoice({ metadata: withProto('p') }), ['metadata']),
      ),
    ).toEqual([]);
    expect(
      compareProjections(
        project(a, ['metadata']),
        project(invoice({ metadata: withProto('q') }), ['metadata']),
      ),
    ).toHaveLength(1);
    expect(
      compareProjections(
        project(a, ['metadata']),
        project(invoice({ metadata: { constructor: 'c' } }), ['metadata']),
      ),
    ).toHaveLength(1);
  });

  it('normalises instants and decimal tax rates', () => {
    const fields = ['issuedAt', 'tax'];
    const a = invoice({ issuedAt: '2026-01-05T01:00:00+01:00', tax: { ratePercent: '13.0', amount: 5 } });
    const b = invoice({ issuedAt: '2026-01-05T00:00:00.000Z', tax: { ratePercent: '13', amount: 5 } });
    expect(compareProjections(project(a, fields), project(b, fields))).toEqual([]);
  });

  it('projects order charges per line and per charge, and order line periods', () => {
    const order: Order = {
      currency: 'EUR',
      customer: { id: 'cus_1' },
      lines: [
        {
          product: { id: 'prod-id' },
          startAt: '2026-01-01T00:00:00Z',
          endAt: '2026-02-01T00:00:00Z',
          charges: [
            { name: 'a', type: 'one_time', unitAmount: 100 },
            { name: 'b', type: 'usage', unitAmountDecimal: '0.5', quantity: 3 },
          ],
        },
      ],
    };
    expect(projectField(order, 'charges.unitAmount')).toEqual([['100', '0.5']]);
    expect(projectField(order, 'charges.quantity')).toEqual([[undefined, '3']]);
    expect(projectField(order, 'lines.period')).toEqual([
      { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' },
    ]);
    expect(fieldPresent(order, 'charges.subMinorUnitAmount')).toBe(true);
    expect(documentTotals(order)).toEqual({ subtotal: 102, tax: 0, total: 102 });
  });
});

describe('fieldPresent', () => {
  it('counts only values that carry information', () => {
    expect(fieldPresent(invoice(), 'memo')).toBe(false);
    expect(fieldPresent(invoice({ memo: 'm' }), 'memo')).toBe(true);
    expect(fieldPresent(invoice(), 'lines.description')).toBe(true);
    expect(fieldPresent(invoice(), 'lines.fractionalQuantity')).toBe(true);
    expect(fieldPresent(invoice({ lines: [{ quantity: 1, unitAmount: 5 }] }), 'lines.quantity')).toBe(false);
    expect(
      fieldPresent(
        invoice({ lines: [{ quantity: 1, unitAmountDecimal: '5.0' }] }),
        'lines.subMinorUnitAmount',
      ),
    ).toBe(false);
    expect(fieldPresent(invoice(), 'lines.subMinorUnitAmount')).toBe(true);
    expect(fieldPresent(invoice({ customer: { id: 'c', phone: '+15555550100' } }), 'customer.phone')).toBe(
      true,
    );
  });
});

describe('warningPathPatterns', () => {
  const matches = (field: string, path: string) => warningPathPatterns(field).some((p) => p.test(path));
  it('matches the field, its line entries and enclosing objects, nothing else', () => {
    expect(matches('lines.tax', 'lines[3].tax')).toBe(true);
    expect(matches('lines.tax', 'lines[3].tax.ratePercent')).toBe(true);
    expect(matches('lines.tax', 'lines[3]')).toBe(true);
    expect(matches('lines.tax', 'lines[3].taxes')).toBe(false);
    expect(matches('lines.tax', 'tax')).toBe(false);
    expect(matches('lines.subMinorUnitAmount', 'lines[0].unitAmountDecimal')).toBe(true);
    expect(matches('lines.fractionalQuantity', 'lines[0].quantity')).toBe(true);
    expect(matches('charges.tiers', 'lines[1].charges[0].tiers')).toBe(true);
    expect(matches('charges.tiers', 'lines[1].tiers')).toBe(false);
    expect(matches('collection.method', 'collection')).toBe(true);
    expect(matches('collection.method', 'collection.method')).toBe(true);
    expect(matches('collection.method', 'collection.autoSend')).toBe(false);
    expect(matches('memo', 'memos')).toBe(false);
  });
});

describe('a lying declaration is caught', () => {
  it('a field declared supported but dropped shows up as a mismatch', () => {
    const doc = invoice({ memo: 'Thanks', purchaseOrder: 'PO-1' });
    const { request } = tinyAdapter.toCreateRequest(doc);
    const dropped = { ...(request as object), memo: undefined };
    const back = tinyAdapter.fromProvider(JSON.parse(JSON.stringify(dropped))).value;
    expect(compareProjections(project(doc, ['memo']), project(back, ['memo']))).toEqual([
      { field: 'memo', at: '', expected: 'Thanks', actual: undefined },
    ]);
  });
});

describe('findLeaks', () => {
  const key = 'sk_live_leak_check_123';
  it('finds a key in a message, in a property, or base64-encoded', () => {
    expect(findLeaks([new Error(`bad ${key}`)], [key])).toHaveLength(1);
    expect(findLeaks([Object.assign(new Error('x'), { header: key })], [key])).toHaveLength(1);
    expect(findLeaks([new Error(Buffer.from(key).toString('base64'))], [key])).toHaveLength(1);
    expect(findLeaks([new ValidationError('Invoice', [])], [key])).toEqual([]);
  });
});
