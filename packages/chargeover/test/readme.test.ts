import { readFileSync } from 'node:fs';
import { INVOICE_CAPABILITY_FIELDS } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { capabilities, DEFAULT_TIME_ZONE, UNCONFIRMED } from '../src/index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('states the declared capability of every invoice field', () => {
    const rows = new Map<string, string>();
    for (const match of readme.matchAll(
      /^\|\s*([a-zA-Z.]+)\s*\|\s*(supported|approximated|unsupported)\s*\|$/gm,
    )) {
      rows.set(match[1]!, match[2]!);
    }
    expect([...rows.keys()].sort()).toEqual([...INVOICE_CAPABILITY_FIELDS].sort());
    for (const field of INVOICE_CAPABILITY_FIELDS)
      expect(rows.get(field), field).toBe(capabilities.invoice[field]);
  });

  it('describes the unconfirmed readings the code uses', () => {
    expect(readme).toContain(`\`${DEFAULT_TIME_ZONE}\` by default`);
    expect(readme).toContain(`where=${UNCONFIRMED.externalKeyQueryField}:EQUALS:`);
    // Tables are column-padded by the formatter.
    expect(readme).toMatch(new RegExp(`Page size of \`list\`\\s*\\|\\s*${UNCONFIRMED.listPageSize} `));
    expect(readme).toMatch(
      new RegExp(`\`open-collections\`\\s*\\|\\s*read as \`${UNCONFIRMED.collectionsStatus}\``),
    );
  });
});
