// Rewrites the capability tables in the root README from the adapters' own declarations.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_NAMES } from '@billbridge/core';
import { capabilitiesMarkdown } from '../src/cli/capabilities-command';
import { PROVIDERS } from '../src/providers';

const file = join(import.meta.dirname, '..', '..', '..', 'README.md');
const table = capabilitiesMarkdown(PROVIDER_NAMES.map((name) => PROVIDERS[name].adapter.capabilities));
const readme = readFileSync(file, 'utf8');
const marked = /(<!-- capabilities:start -->\n)[\s\S]*?(<!-- capabilities:end -->)/;
if (!marked.test(readme))
  throw new Error('README.md has no <!-- capabilities:start --> … <!-- capabilities:end --> block.');
writeFileSync(file, readme.replace(marked, `$1${table}$2`));
console.log('README.md capability tables updated.');
