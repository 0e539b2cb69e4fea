import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capabilities } from '../src/capabilities';

describe('README', () => {
  it('its capability table says what src/capabilities.ts declares', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = [
      ...readme.matchAll(/^\| `([A-Za-z.]+)`\s*\| (supported|approximated|unsupported)\s*\|/gm),
    ].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(rows)).toEqual(capabilities.invoice);
  });
});
