/** Every example record in SOURCE-RECORDS.md reads through its provider's adapter as a one-line invoice or order. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProviderName } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../src/providers';
import { toCanonical } from '../src/sources';

const text = readFileSync(fileURLToPath(new URL('../SOURCE-RECORDS.md', import.meta.url)), 'utf8');

describe('SOURCE-RECORDS.md', () => {
  const sections = [...text.matchAll(/^## (\w+)\n[\s\S]*?```json\n([\s\S]*?)\n```/gm)];
  it('has one example per provider', () => {
    expect(sections.map((s) => s[1]).sort()).toEqual(['chargeover', 'flowglad', 'paid', 'pelcro', 'whop']);
  });
  for (const [, name, json] of sections) {
    it(`the ${name} example is what --source ${name} reads`, () => {
      const { doc } = toCanonical(JSON.parse(json as string), PROVIDERS[name as ProviderName].adapter);
      expect(doc.currency).toBe('USD');
      expect(doc.lines).toHaveLength(1);
    });
  }
});
