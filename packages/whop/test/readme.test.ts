import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNCONFIRMED_READINGS, whopCapabilities } from '../src/index';

// Table cells may be padded by the formatter: compare with runs of spaces collapsed.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/ {2,}/g, ' ');

describe('README', () => {
  it('the capability tables say what capabilities.ts declares', () => {
    const [invoicePart, orderPart] = readme.split('Order fields');
    for (const [field, level] of Object.entries(whopCapabilities.invoice)) {
      expect(invoicePart).toContain(`| \`${field}\` | ${level} |`);
    }
    for (const [field, level] of Object.entries(whopCapabilities.order)) {
      expect(orderPart).toContain(`| \`${field}\` | ${level} |`);
    }
  });

  it('lists every unconfirmed reading chosen', () => {
    for (const key of Object.keys(UNCONFIRMED_READINGS)) expect(readme).toContain(`| \`${key}\` |`);
  });
});
