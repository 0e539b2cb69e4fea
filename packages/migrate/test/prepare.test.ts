import { invoiceArbitrary, orderArbitrary } from '@billbridge/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareForTarget } from '../src/prepare';
import type { CanonicalDoc, IdMaps } from '../src/types';
import { referencePrepareForTarget } from './reference/prepare';

const id = fc.oneof(fc.constantFrom('a', 'b', 'constructor', '__proto__', ''), fc.string({ maxLength: 6 }));
const ref = fc.record({ id, externalId: id, email: id, name: id }, { requiredKeys: [] });

/** Canonical documents as a source reads them: with the read-only fields, references and lines' products. */
const docs = fc
  .tuple(
    fc.oneof(invoiceArbitrary({ maxLines: 3 }), orderArbitrary({ maxLines: 2 })),
    fc.record(
      {
        id,
        externalId: id,
        number: id,
        provider: fc.constantFrom('paid', 'whop'),
        createdAt: fc.constant('2026-01-01T00:00:00.000Z'),
        updatedAt: fc.constant('2026-01-02T00:00:00.000Z'),
        providerStatus: fc.constantFrom('open', 'paid'),
        customer: ref,
        billingCustomer: fc.option(ref, { nil: null }),
        subscription: ref,
      },
      { requiredKeys: [] },
    ),
    fc.array(fc.option(ref, { nil: undefined }), { maxLength: 3 }),
    fc.array(fc.option(id, { nil: undefined }), { maxLength: 3 }),
  )
  .map(([doc, extra, products, descriptions]) => {
    const out = { ...doc, ...extra } as Record<string, unknown> & { lines: Array<Record<string, unknown>> };
    out.lines = out.lines.map((line, i) => {
      const copy = { ...line };
      if (i < products.length) {
        if (products[i] === undefined) delete copy.product;
        else copy.product = products[i];
      }
      if (descriptions[i] !== undefined) copy.description = descriptions[i];
      return copy;
    });
    // A document read from JSON may carry an own `__proto__` key (metadata, a reference).
    return JSON.parse(JSON.stringify(out)) as CanonicalDoc;
  });

const map = fc.dictionary(id, fc.string({ maxLength: 4 }), { maxKeys: 4 });
const idMaps: fc.Arbitrary<IdMaps> = fc.record(
  { customers: map, products: map, subscriptions: map, defaultProduct: fc.string({ maxLength: 3 }) },
  { requiredKeys: [] },
);

describe('prepareForTarget', () => {
  it('makes what the first version made (same value, same key order) and leaves the source as read', () => {
    fc.assert(
      fc.property(docs, idMaps, (doc, maps) => {
        const before = structuredClone(doc);
        const fast = prepareForTarget(doc, maps);
        const reference = referencePrepareForTarget(structuredClone(doc), maps);
        expect(fast).toStrictEqual(reference);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
        expect(doc).toStrictEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it('an owned document (the run parsed it, no transform) is prepared into the same value (property)', () => {
    fc.assert(
      fc.property(docs, idMaps, (doc, maps) => {
        const reference = referencePrepareForTarget(structuredClone(doc), maps);
        const owned = prepareForTarget(doc, maps, { owned: true });
        expect(owned).toStrictEqual(reference);
        expect(JSON.stringify(owned)).toBe(JSON.stringify(reference));
      }),
      { numRuns: 1000 },
    );
  });

  it('a document with an own __proto__ key keeps it as an own key', () => {
    const doc = JSON.parse(
      '{"id":"x","currency":"USD","customer":{"id":"c","__proto__":{"a":1}},"lines":[],"__proto__":"p"}',
    ) as CanonicalDoc;
    const out = prepareForTarget(doc, { customers: { c: 'C' } }) as unknown as Record<string, unknown>;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe(
      JSON.stringify(referencePrepareForTarget(doc, { customers: { c: 'C' } })),
    );
  });
});
