import type { MappingWarning } from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LossTable } from '../src/loss-table';
import { referenceLosses } from './reference/losses';

const warning: fc.Arbitrary<MappingWarning> = fc.record({
  code: fc.constantFrom('unsupported', 'approximated', 'truncated') as fc.Arbitrary<MappingWarning['code']>,
  path: fc.oneof(
    fc.constantFrom('issuedAt', 'customer.externalId', 'lines', 'metadata.a[b]'),
    fc
      .tuple(fc.nat(12), fc.constantFrom('product.externalId', 'tax.amount', 'charges[1].tiers[0]'))
      .map(([i, rest]) => `lines[${i}].${rest}`),
  ),
  message: fc.string({ maxLength: 8 }),
});

const calls = fc.array(
  fc.record({
    side: fc.constantFrom('source', 'target') as fc.Arbitrary<'source' | 'target'>,
    warnings: fc.array(warning, { maxLength: 8 }),
  }),
  { maxLength: 30 },
);

describe('LossTable (counting losses per field, once per document)', () => {
  it('counts as the first version did: same rows, same documents, same first message, same order (property)', () => {
    fc.assert(
      fc.property(calls, (sequence) => {
        const table = new LossTable();
        for (const { side, warnings } of sequence) table.add(side, warnings);
        expect(table.rows).toEqual(referenceLosses(sequence));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a field once per document however many lines lose it, and again for the next document', () => {
    const table = new LossTable();
    const lineLoss = (i: number): MappingWarning => ({
      code: 'unsupported',
      path: `lines[${i}].product.externalId`,
      message: 'lines keep only the item id',
    });
    table.add('target', [lineLoss(0), lineLoss(1), lineLoss(2)]);
    table.add('target', [lineLoss(0)]);
    table.add('source', [lineLoss(5)]);
    expect(table.rows).toEqual([
      {
        side: 'target',
        code: 'unsupported',
        path: 'lines[].product.externalId',
        documents: 2,
        message: 'lines keep only the item id',
      },
      {
        side: 'source',
        code: 'unsupported',
        path: 'lines[].product.externalId',
        documents: 1,
        message: 'lines keep only the item id',
      },
    ]);
  });
});
