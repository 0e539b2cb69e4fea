import { WarningCollector } from '@billbridge/core';
import { measureSync } from './measure';
import { cpuUs } from './cpu-measure-tmp';
const tests: Record<string, () => unknown> = {
  collector: () => new WarningCollector('x'),
  collectorFinish: () => new WarningCollector('x').finish(false),
  flatMap: () => [{ charges: [{ a: 1 }] }].flatMap((l) => l.charges).find((c: any) => c.recurrence),
  spreadPick: () => ({ ...{ a: 1, b: 2 }, c: 3 }),
};
for (const [k, f] of Object.entries(tests)) {
  const r = measureSync(f, 0.5, 0.1);
  console.log(k, (1e6 / r.perSecond).toFixed(3), 'µs');
}
for (const [k, f] of Object.entries(tests)) console.log('cpu', k, cpuUs(f).toFixed(3), 'µs');
