/** Every published package carries what npm users and tools look for. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const packages = readdirSync(join(root, 'packages'));

describe.each(packages)('packages/%s', (name) => {
  const dir = join(root, 'packages', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

  it('has license, homepage, bugs, keywords, LICENSE and CHANGELOG.md (both shipped)', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs?.url).toMatch(/^https:\/\/.*\/issues$/);
    expect(pkg.keywords).toContain('billbridge');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(existsSync(join(dir, 'CHANGELOG.md'))).toBe(true);
    expect(pkg.files).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md']));
  });

  it('exports every entry for import and require (source condition first, then a default)', () => {
    expect(pkg.exports['./package.json']).toBe('./package.json');
    for (const [subpath, entry] of Object.entries(pkg.exports)) {
      if (typeof entry === 'string') continue;
      const conditions = Object.keys(entry as object);
      expect(conditions, subpath).toEqual(['billbridge-source', 'import', 'require', 'default']);
    }
  });

  it('lists @billbridge/testing, if at all, as an optional peer (never a run-time dependency)', () => {
    expect(pkg.dependencies?.['@billbridge/testing']).toBeUndefined();
    if (pkg.peerDependencies?.['@billbridge/testing'] !== undefined)
      expect(pkg.peerDependenciesMeta['@billbridge/testing'].optional).toBe(true);
  });
});
