/**
 * Mapping cost, in process, no I/O: canonical → create request (validation included) against
 * `JSON.stringify` of the request it produced, and provider record → canonical against `JSON.parse` of
 * the record's text. The record is the provider-shaped create body each adapter produced (every
 * adapter's `fromProvider` reads it), so both directions handle the same data.
 */
import { ADAPTERS } from './adapters';
import { ADAPTER_OPTIONS, invoiceFor } from './docs';
import { measureSync } from './measure';
import type { Settings } from './settings';
import { fmtRate, fmtRatio, type Row, type Section } from './table';

export function mappingBench(settings: Settings): Section[] {
  const toRows: Row[] = [];
  const fromRows: Row[] = [];
  for (const provider of settings.providers) {
    const adapter = ADAPTERS[provider];
    const options = ADAPTER_OPTIONS[provider];
    for (const lines of [1, 50]) {
      const doc = invoiceFor(provider, lines);
      const { request } = adapter.toCreateRequest(doc, options);
      const text = JSON.stringify(request);
      // The four measurements interleave over rounds and each keeps its best, so a burst of load from
      // elsewhere does not land on one side of a ratio only. Rates are per CPU second: on a shared
      // machine, wall-clock rates also count the time spent waiting for a core.
      const fns = {
        map: () => adapter.toCreateRequest(doc, options),
        stringify: () => JSON.stringify(request),
        back: () => adapter.fromProvider(request, options),
        parse: () => JSON.parse(text),
      };
      const best = { map: 0, stringify: 0, back: 0, parse: 0 };
      for (let round = 0; round < settings.mappingRounds; round++) {
        for (const key of Object.keys(fns) as Array<keyof typeof fns>) {
          const rate = measureSync(fns[key], settings.mappingSeconds, settings.mappingWarmup);
          best[key] = Math.max(best[key], rate.perCpuSecond);
        }
      }
      const ratio = best.map / best.stringify;
      toRows.push({
        cells: [provider, String(lines), fmtRate(best.map), fmtRate(best.stringify), fmtRatio(ratio)],
        pass: ratio >= 1,
      });
      const backRatio = best.back / best.parse;
      fromRows.push({
        cells: [provider, String(lines), fmtRate(best.back), fmtRate(best.parse), fmtRatio(backRatio)],
        pass: backRatio >= 1,
      });
    }
  }
  return [
    {
      title: `Mapping: canonical → create request (validation included) vs JSON.stringify of that request, calls per CPU second (best of ${settings.mappingRounds} × ${settings.mappingSeconds} s)`,
      header: [
        'adapter',
        'lines',
        'toCreateRequest ops/CPU-s',
        'JSON.stringify ops/CPU-s',
        'ratio (≥ 1.00×)',
      ],
      rows: toRows,
    },
    {
      title: `Mapping: provider record → canonical vs JSON.parse of its text, calls per CPU second (best of ${settings.mappingRounds} × ${settings.mappingSeconds} s)`,
      header: ['adapter', 'lines', 'fromProvider ops/CPU-s', 'JSON.parse ops/CPU-s', 'ratio (≥ 1.00×)'],
      rows: fromRows,
    },
  ];
}
