import { readFileSync } from 'node:fs';
const [file, name, depthArg='2'] = process.argv.slice(2);
const p = JSON.parse(readFileSync(file!, 'utf8'));
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const selfT = new Map<number, number>();
p.samples.forEach((id: number, i: number) => selfT.set(id, (selfT.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = [...selfT.values()].reduce((a, b) => a + b, 0);
const incl = (n: any): number => (selfT.get(n.id) ?? 0) + (n.children ?? []).reduce((a: number, c: number) => a + incl(byId.get(c)), 0);
const agg = new Map<string, number>();
const walk = (n: any, d: number, path: string) => {
  if (d === 0) return;
  for (const c of n.children ?? []) {
    const ch: any = byId.get(c);
    const l = `${path} > ${ch.callFrame.functionName || '(anon)'} ${ch.callFrame.url.replace(/^.*\/(packages|node_modules)\//, '')}`;
    agg.set(l, (agg.get(l) ?? 0) + incl(ch));
    walk(ch, d - 1, l);
  }
};
for (const n of p.nodes) if (n.callFrame.functionName === name) walk(n, Number(depthArg), name!);
for (const [l, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(((100 * t) / total).toFixed(1).padStart(5), l);
