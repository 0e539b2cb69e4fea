import type { z } from 'zod';
import { builtSchema, loadZod } from '../schema/lazy';
import { Invoice } from './invoice';
import { Order } from './order';
import { Metadata, MetadataValue } from './primitives';

/**
 * JSON Schema (draft 2020-12) of the canonical documents, for users outside TypeScript. Metadata is a
 * custom zod check (it keeps `__proto__` keys), so it is described here as the record it is.
 */
function toJsonSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  const z = loadZod();
  const metadata = builtSchema(Metadata);
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === metadata) {
        Object.assign(ctx.jsonSchema, {
          type: 'object',
          additionalProperties: z.toJSONSchema(MetadataValue),
        });
        delete (ctx.jsonSchema as Record<string, unknown>).$schema;
        delete (ctx.jsonSchema.additionalProperties as Record<string, unknown>).$schema;
      }
    },
  }) as Record<string, unknown>;
  return { ...out, $id: `https://billbridge.dev/schema/v1/${id}.json` };
}

export function invoiceJsonSchema(): Record<string, unknown> {
  return toJsonSchema(Invoice, 'invoice');
}

export function orderJsonSchema(): Record<string, unknown> {
  return toJsonSchema(Order, 'order');
}
