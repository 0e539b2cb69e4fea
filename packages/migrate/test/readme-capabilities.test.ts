import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_NAMES } from '@billbridge/core';
import { describe, expect, it } from 'vitest';
import { capabilitiesMarkdown } from '../src/cli/capabilities-command';
import { PROVIDERS } from '../src/providers';

describe('the root README capability table', () => {
  it('is the one generated from the adapters’ declarations (run `pnpm readme:capabilities` to refresh)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    const block = /<!-- capabilities:start -->\n([\s\S]*?)<!-- capabilities:end -->/.exec(readme)?.[1];
    const generated = capabilitiesMarkdown(
      PROVIDER_NAMES.map((name) => PROVIDERS[name].adapter.capabilities),
    );
    expect(block).toBe(generated);
  });
});
