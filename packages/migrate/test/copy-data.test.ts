import { invoiceArbitrary, orderArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyData } from '../src/prepare';

/** JSON-shaped data, canonical documents, and JSON text read back (own `__proto__` keys). */
const values = fc.oneof(
  fc.jsonValue(),
  invoiceArbitrary({ maxLines: 3 }),
  orderArbitrary({ maxLines: 2 }),
  fc.jsonValue().map((value) => JSON.parse(`{"__proto__":${JSON.stringify(value)},"a":[{"__proto__":1}]}`)),
);

describe('copyData', () => {
  it('makes what structuredClone makes of canonical data, sharing nothing with it', () => {
    fc.assert(
      fc.property(values, (value) => {
        const copy = copyData(value);
        expect(copy).toStrictEqual(structuredClone(value));
        if (value !== null && typeof value === 'object') {
          expect(copy).not.toBe(value);
          expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps __proto__ as an own key, and leaves the prototype alone', () => {
    const copy = copyData(JSON.parse('{"metadata":{"__proto__":"x"}}')) as {
      metadata: Record<string, unknown>;
    };
    expect(Object.hasOwn(copy.metadata, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(copy.metadata)).toBe(Object.prototype);
  });

  it('hands what is not plain data to structuredClone', () => {
    const date = new Date(0);
    const copy = copyData({ at: date, map: new Map([[1, 2]]) }) as { at: Date; map: Map<number, number> };
    expect(copy.at).toBeInstanceOf(Date);
    expect(copy.at).not.toBe(date);
    expect(copy.map.get(1)).toBe(2);
  });
});
