import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pelcroCapabilities } from '../src/index';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it('shows every capability exactly as declared', () => {
    for (const kind of ['invoice', 'order'] as const) {
      const start = readme.search(new RegExp(`\\|\\s*${kind} field\\s*\\|`));
      expect(start).toBeGreaterThan(0);
      const section = readme.slice(start);
      for (const [field, level] of Object.entries(pelcroCapabilities[kind])) {
        expect(section).toMatch(new RegExp(`\\|\\s*\`${escapeRegExp(field)}\`\\s*\\|\\s*${level}\\s*\\|`));
      }
    }
  });
});
