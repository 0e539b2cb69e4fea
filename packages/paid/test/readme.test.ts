import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capabilities } from '../src/capabilities';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function table(title: string): Record<string, string> {
  const start = readme.search(new RegExp(`\\| ${title} +\\| Paid +\\|`));
  const rows: Record<string, string> = {};
  for (const line of readme.slice(start).split('\n').slice(2)) {
    const match = /^\| `([^`]+)` +\| (\w+) +\|$/.exec(line);
    if (!match) break;
    rows[match[1]!] = match[2]!;
  }
  return rows;
}

describe('README', () => {
  it('shows exactly the declared capabilities', () => {
    expect(table('Order field')).toEqual(capabilities.order);
    expect(table('Invoice field')).toEqual(capabilities.invoice);
  });
});
