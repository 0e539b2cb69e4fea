import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, invoiceJsonSchema, orderJsonSchema } from '../src/index';

const schemaDir = join(import.meta.dirname, '..', 'schema');

describe('JSON Schema export', () => {
  it('the checked-in schema files are in step with the zod schemas (run `pnpm build` to regenerate)', () => {
    expect(JSON.parse(readFileSync(join(schemaDir, 'invoice.json'), 'utf8'))).toEqual(invoiceJsonSchema());
    expect(JSON.parse(readFileSync(join(schemaDir, 'order.json'), 'utf8'))).toEqual(orderJsonSchema());
  });

  it('describes the binding fields, required ones and closed objects', () => {
    const invoice = invoiceJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { enum?: string[] }>;
    };
    expect(invoice.required.sort()).toEqual(['currency', 'customer', 'lines']);
    expect(invoice.additionalProperties).toBe(false);
    expect(invoice.properties.currency?.enum).toEqual([...CURRENCY_CODES]);
    for (const field of [
      'externalId',
      'number',
      'status',
      'dueAt',
      'collection',
      'providerOptions',
      'imported',
    ]) {
      expect(invoice.properties).toHaveProperty(field);
    }
    const order = orderJsonSchema() as { properties: Record<string, unknown> };
    for (const field of ['billingAnchorDay', 'termCount', 'billingFrequency', 'lines']) {
      expect(order.properties).toHaveProperty(field);
    }
  });
});
