/** A command-line flag: `--name value`, `--name=value`, or a bare `--name` for booleans. */
export interface FlagSpec {
  name: string;
  type: 'boolean' | 'string' | 'list';
  /** For help: `<file>`, `<n>`. */
  value?: string;
  description: string;
  short?: string;
}

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  flags: FlagValues;
  positionals: string[];
}

/** Bad command-line input: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[], command: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags: FlagValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: FlagSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) inline = arg.slice(eq + 1);
      spec = byName.get(name);
      if (!spec) throw new UsageError(`Unknown option --${name}. See \`billbridge ${command} --help\`.`);
    } else if (arg.startsWith('-') && arg.length === 2) {
      spec = byShort.get(arg.slice(1));
      if (!spec) throw new UsageError(`Unknown option ${arg}. See \`billbridge ${command} --help\`.`);
    } else {
      positionals.push(arg);
      continue;
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined && inline !== 'true' && inline !== 'false') {
        throw new UsageError(`--${spec.name} takes no value.`);
      }
      flags[spec.name] = inline !== 'false';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${spec.name} needs a value${spec.value ? ` (${spec.value})` : ''}.`);
    }
    if (spec.type === 'list') {
      const list = (flags[spec.name] as string[] | undefined) ?? [];
      list.push(value);
      flags[spec.name] = list;
    } else {
      flags[spec.name] = value;
    }
  }
  return { flags, positionals };
}

export function str(flags: FlagValues, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function list(flags: FlagValues, name: string): string[] {
  const value = flags[name];
  return Array.isArray(value) ? value : [];
}

export function bool(flags: FlagValues, name: string): boolean {
  return flags[name] === true;
}

export function int(flags: FlagValues, name: string, min: number): number | undefined {
  const value = str(flags, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}.`);
  return Number(value);
}

export function positiveNumber(flags: FlagValues, name: string): number | undefined {
  const value = str(flags, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0))
    throw new UsageError(`--${name} must be a positive number, got ${JSON.stringify(value)}.`);
  return n;
}

export function oneOf<T extends string>(
  flags: FlagValues,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = str(flags, name) ?? fallback;
  if (!allowed.includes(value as T))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`);
  return value as T;
}

/**
 * `key=value` pairs. The value is read as JSON when it parses (`currencyIds={"USD":1}`, `siteId=12`,
 * `strict=true`), else kept as a string (`companyId=biz_123`); quote it (`siteId='"12"'`) to force a string.
 */
export function keyValues(pairs: readonly string[], flag: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag} expects key=value, got ${JSON.stringify(pair)}.`);
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: a plain string
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function helpText(usage: string, summary: string, specs: readonly FlagSpec[], extra = ''): string {
  const rows = specs.map((s) => {
    const name = `${s.short ? `-${s.short}, ` : ''}--${s.name}${s.value ? ` ${s.value}` : ''}`;
    return [name, s.description + (s.type === 'list' ? ' (repeatable)' : '')] as const;
  });
  const width = Math.max(...rows.map(([n]) => n.length), 10) + 2;
  const lines = rows.map(([n, d]) => `  ${n.padEnd(width)}${d}`);
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${lines.join('\n')}\n${extra ? `\n${extra.trimEnd()}\n` : ''}`;
}
