/**
 * What the checks of the read side cost, in process (the mapping bench's record, 1 and 50 lines): the
 * provider wire-schema pass alone (zod `safeParse` of the record fromProvider reads) and the canonical
 * output check alone (`parseDocument` of fromProvider's result), each against `JSON.parse` of the record's
 * text and against the whole `fromProvider`. Interleaved rounds, best of each, as the mapping bench does.
 * Usage: npx tsx --conditions=billbridge-source src/profile/checks.ts [seconds] [rounds]
 */
import { parseDocument } from '@billbridge/core';
import { InvoiceCreateBody as ChargeOverCreateBody } from '../../../packages/chargeover/src/wire';
import { InvoiceCreateBody as FlowgladCreateBody } from '../../../packages/flowglad/src/wire';
import { PaidCreateOrderRequest } from '../../../packages/paid/src/wire';
import { PelcroInvoiceCreateBody } from '../../../packages/pelcro/src/wire';
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

function wireSchema(provider: Provider, record: unknown): { schema: Schema; value: unknown } {
  switch (provider) {
    case 'paid':
      return { schema: PaidCreateOrderRequest, value: record };
    case 'flowglad':
      return { schema: FlowgladCreateBody, value: record };
    case 'whop':
      return { schema: createVariantFor(record as object), value: record };
    case 'chargeover':
      return { schema: ChargeOverCreateBody, value: record };
    case 'pelcro':
      return { schema: PelcroInvoiceCreateBody, value: (record as { body: unknown }).body };
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
    const { schema, value } = wireSchema(provider, request);
    const canonical = adapter.fromProvider(request, options).value;
    const fns = {
      parse: () => JSON.parse(text),
      fromProvider: () => adapter.fromProvider(request, options),
      wire: () => schema.safeParse(value),
      output: () => parseDocument(canonical),
    };
    const best = { parse: 0, fromProvider: 0, wire: 0, output: 0 };
    for (let round = 0; round < Number(roundsArg); round++) {
      for (const key of Object.keys(fns) as Array<keyof typeof fns>) {
        const rate = measureSync(fns[key], Number(secondsArg), 0.1);
        best[key] = Math.max(best[key], rate.perSecond);
      }
    }
    const us = (rate: number) => (1e6 / rate).toFixed(2);
    rows.push(
      `| ${provider} | ${lines} | ${us(best.parse)} | ${us(best.fromProvider)} | ${us(best.wire)} (${pct(best.wire, best.fromProvider)}) | ${us(best.output)} (${pct(best.output, best.fromProvider)}) |`,
    );
  }
}
console.log(
  '| adapter | lines | JSON.parse µs | fromProvider µs | wire-schema pass µs (share) | canonical output check µs (share) |',
);
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
