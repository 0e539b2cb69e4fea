/**
 * What the checks of the read side cost, in process (the mapping bench's record, 1 and 50 lines): the
 * provider wire check fromProvider runs (its hand-written reader; for comparison, zod `safeParse` of the
 * same record, which runs only when the reader is unsure) and the canonical
 * output check alone (`parseDocument` of fromProvider's result), each against `JSON.parse` of the record's
 * text and against the whole `fromProvider`. Interleaved rounds, best of each, as the mapping bench does.
 * Usage: npx tsx --conditions=billbridge-source src/profile/checks.ts [seconds] [rounds]
 */
import { parseDocument } from '@billbridge/core';
import { readCreateBody as readChargeOverCreateBody } from '../../../packages/chargeover/src/fast-request';
import { InvoiceCreateBody as ChargeOverCreateBody } from '../../../packages/chargeover/src/wire';
import { readInvoiceCreateBody as readFlowgladCreateBody } from '../../../packages/flowglad/src/fast-request';
import { InvoiceCreateBody as FlowgladCreateBody } from '../../../packages/flowglad/src/wire';
import { readPaidCreateOrderRequest } from '../../../packages/paid/src/fast-request';
import { PaidCreateOrderRequest } from '../../../packages/paid/src/wire';
import { fastReadCreateBody as readPelcroCreateBody } from '../../../packages/pelcro/src/fast-request';
import { PelcroInvoiceCreateBody } from '../../../packages/pelcro/src/wire';
import { fastReadCreateRequest as readWhopCreateRequest } from '../../../packages/whop/src/fast-request';
import { createVariantFor } from '../../../packages/whop/src/wire';
import { ADAPTERS } from '../adapters';
import { ADAPTER_OPTIONS, invoiceFor, PROVIDERS, type Provider } from '../docs';
import { measureSync } from '../measure';

const [secondsArg = '0.3', roundsArg = '3'] = process.argv.slice(2);

/** The schema each adapter's fromProvider runs over the record the mapping bench gives it. */
/** Just what is called of a zod schema here (bench does not depend on zod itself). */
interface Schema {
  safeParse(value: unknown): unknown;
}

/** ... and the hand-written reader fromProvider runs first (the schema only when it is unsure). */
type Reader = (value: unknown) => unknown;

function wireSchema(provider: Provider, record: unknown): { schema: Schema; read: Reader; value: unknown } {
  switch (provider) {
    case 'paid':
      return { schema: PaidCreateOrderRequest, read: readPaidCreateOrderRequest, value: record };
    case 'flowglad':
      return { schema: FlowgladCreateBody, read: readFlowgladCreateBody, value: record };
    case 'whop':
      return { schema: createVariantFor(record as object), read: readWhopCreateRequest, value: record };
    case 'chargeover':
      return { schema: ChargeOverCreateBody, read: readChargeOverCreateBody, value: record };
    case 'pelcro':
      return {
        schema: PelcroInvoiceCreateBody,
        read: readPelcroCreateBody,
        value: (record as { body: unknown }).body,
      };
  }
}

const pct = (part: number, whole: number) => `${((100 * whole) / part).toFixed(0)}%`;
const rows: string[] = [];
for (const provider of PROVIDERS) {
  const adapter = ADAPTERS[provider];
  const options = ADAPTER_OPTIONS[provider];
  for (const lines of [1, 50]) {
    const { request } = adapter.toCreateRequest(invoiceFor(provider, lines), options);
    const text = JSON.stringify(request);
    const { schema, read, value } = wireSchema(provider, request);
    if (read(value) === undefined) throw new Error(`${provider}: the reader declined the bench's record`);
    const canonical = adapter.fromProvider(request, options).value;
    const fns = {
      parse: () => JSON.parse(text),
      fromProvider: () => adapter.fromProvider(request, options),
      wire: () => schema.safeParse(value),
      reader: () => read(value),
      output: () => parseDocument(canonical),
    };
    const best = { parse: 0, fromProvider: 0, wire: 0, reader: 0, output: 0 };
    for (let round = 0; round < Number(roundsArg); round++) {
      for (const key of Object.keys(fns) as Array<keyof typeof fns>) {
        const rate = measureSync(fns[key], Number(secondsArg), 0.1);
        best[key] = Math.max(best[key], rate.perCpuSecond);
      }
    }
    const us = (rate: number) => (1e6 / rate).toFixed(2);
    rows.push(
      `| ${provider} | ${lines} | ${us(best.parse)} | ${us(best.fromProvider)} | ${us(best.reader)} (${pct(best.reader, best.fromProvider)}) | ${us(best.wire)} | ${us(best.output)} (${pct(best.output, best.fromProvider)}) |`,
    );
  }
}
console.log(
  '| adapter | lines | JSON.parse µs | fromProvider µs | wire reader µs (share) | zod wire schema alone µs | canonical output check µs (share) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
