export function cpuUs(f: () => unknown, n = 200000): number {
  for (let i = 0; i < n / 10; i++) f();
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / n;
}
