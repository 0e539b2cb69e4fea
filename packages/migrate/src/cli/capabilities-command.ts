import {
  type Capabilities,
  INVOICE_CAPABILITY_FIELDS,
  ORDER_CAPABILITY_FIELDS,
  PROVIDER_NAMES,
} from '@billbridge/core';
import { bool, type FlagSpec, helpText, parseArgs } from './args';
import { table } from './format';
import { type CliIO, EXIT } from './io';
import type { ProviderRegistry } from './registry-types';

export const CAPABILITIES_FLAGS: FlagSpec[] = [
  { name: 'json', type: 'boolean', description: 'print the capability declarations as JSON' },
  { name: 'orders', type: 'boolean', description: 'show the Order fields instead of the Invoice fields' },
  {
    name: 'markdown',
    type: 'boolean',
    description: 'print both tables as Markdown (the root README is made from this)',
  },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
];

export const CAPABILITIES_HELP = helpText(
  'billbridge capabilities [--orders] [--json]',
  "What each adapter carries, field by field, from the adapters' own declarations:\nyes = carried exactly, ~ = approximated (with a warning), - = not carried (with a warning).",
  CAPABILITIES_FLAGS,
);

const MARK = { supported: 'yes', approximated: '~', unsupported: '-' } as const;

function amountUnit(c: Capabilities): string {
  const u = c.amountUnit;
  if (u.kind === 'minor') return 'minor units';
  if (u.kind === 'major-decimal') return `major (${u.encoding})`;
  return `provider minor (${u.rule})`;
}

function dedup(c: Capabilities): string {
  const d = c.deduplication;
  if (d.kind === 'none') return 'none';
  if (d.kind === 'natural-key') return `key ${d.field}`;
  return `header ${d.header}`;
}

export function renderCapabilities(capabilities: Capabilities[], orders: boolean): string {
  const head = ['', ...capabilities.map((c) => c.provider)];
  const facts: string[][] = [
    ['creates', ...capabilities.map((c) => c.creates)],
    ['amounts', ...capabilities.map(amountUnit)],
    ['dates', ...capabilities.map((c) => c.dateForm)],
    [
      'create/get/list',
      ...capabilities.map((c) =>
        ['create', 'get', 'list'].map((op) => (c.operations[op as 'create'] ? op[0] : '.')).join(''),
      ),
    ],
    ['deduplication', ...capabilities.map(dedup)],
  ];
  const fields = orders ? ORDER_CAPABILITY_FIELDS : INVOICE_CAPABILITY_FIELDS;
  const rows = fields.map((field) => [
    field,
    ...capabilities.map(
      (c) => MARK[(orders ? c.order : c.invoice)[field as never] as keyof typeof MARK] ?? '?',
    ),
  ]);
  const notes: string[] = [];
  const short = facts.map((row) =>
    row.map((cell, i) => {
      if (i === 0 || cell.length <= 24) return cell;
      notes.push(`  ${capabilities[i - 1]?.provider} ${row[0]}: ${cell}`);
      return `${cell.slice(0, 21)}…`;
    }),
  );
  return `${table(head, short)}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}\n${table([orders ? 'Order field' : 'Invoice field', ...capabilities.map((c) => c.provider)], rows)}\n`;
}

const MARKDOWN_MARK = { supported: '✓', approximated: '≈', unsupported: '—' } as const;

/** Both field tables as Markdown: ✓ carried exactly, ≈ approximated (with a warning), — not carried (with a warning). */
export function capabilitiesMarkdown(capabilities: Capabilities[]): string {
  const section = (
    title: string,
    fields: readonly string[],
    pick: (c: Capabilities) => Record<string, string>,
  ) => {
    const head = `| ${title} | ${capabilities.map((c) => c.provider).join(' | ')} |`;
    const rule = `|---|${capabilities.map(() => ':-:').join('|')}|`;
    const rows = fields.map(
      (field) =>
        `| \`${field}\` | ${capabilities.map((c) => MARKDOWN_MARK[pick(c)[field] as keyof typeof MARKDOWN_MARK] ?? '?').join(' | ')} |`,
    );
    return [head, rule, ...rows].join('\n');
  };
  return `${section('Invoice field', INVOICE_CAPABILITY_FIELDS, (c) => c.invoice)}\n\n${section('Order field', ORDER_CAPABILITY_FIELDS, (c) => c.order)}\n`;
}

export async function runCapabilities(
  argv: readonly string[],
  io: CliIO,
  registry: ProviderRegistry,
): Promise<number> {
  const { flags } = parseArgs(argv, CAPABILITIES_FLAGS, 'capabilities');
  if (bool(flags, 'help')) {
    io.out.write(CAPABILITIES_HELP);
    return EXIT.ok;
  }
  const all = PROVIDER_NAMES.map((name) => registry[name].adapter.capabilities);
  io.out.write(
    bool(flags, 'json')
      ? `${JSON.stringify(all, null, 2)}\n`
      : bool(flags, 'markdown')
        ? capabilitiesMarkdown(all)
        : renderCapabilities(all, bool(flags, 'orders')),
  );
  return EXIT.ok;
}
