/**
 * Hand-written reader of ChargeOver's error answers: the envelope with `status: "Error"`, a message and
 * (in every documented example) `response: false`. Answers exactly what the Envelope schema (wire.ts)
 * outputs for a plainly valid body, or undefined, and mapError then parses with the schema.
 */
import { ENVELOPE_REQUIRED, envelopeFields, looseObject, type SchemaOutput } from './fast-fields';
import type { Envelope } from './wire';

/**
 * Envelope's own `response` is `z.unknown()`: any value, kept as it is. The key itself is required (zod
 * refuses an envelope without it), and a `response` holding undefined is left to zod.
 */
const ENVELOPE_FIELDS = envelopeFields((value) => value);

/** Envelope's output for a plainly valid answer (error answers: `response: false`), or undefined. */
export function readEnvelope(value: unknown): SchemaOutput<typeof Envelope> | undefined {
  return looseObject(value, ENVELOPE_FIELDS, ENVELOPE_REQUIRED) as SchemaOutput<typeof Envelope> | undefined;
}
