import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtSchema, lazySchema } from '../src/schema/lazy';

describe('lazySchema', () => {
  const Item = lazySchema((zod) => zod.strictObject({ sku: zod.string(), count: zod.int().min(1) }));
  const Basket = lazySchema((zod) => zod.object({ first: Item, items: zod.array(Item) }));

  it('builds nothing until first touched, then stands for the schema everywhere', () => {
    let builds = 0;
    const Counted = lazySchema((zod) => {
      builds++;
      return zod.string();
    });
    expect(builds).toBe(0);
    expect(Counted.parse('a')).toBe('a');
    expect(Counted.safeParse(1).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('parses, reports issues by path, and composes both ways with the caller’s own zod', () => {
    const basket = { first: { sku: 'a', count: 1 }, items: [{ sku: 'b', count: 2 }] };
    expect(Basket.parse(basket)).toEqual(basket);
    const failed = Basket.safeParse({ first: { sku: 'a', count: 0 }, items: [] });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.path).toEqual(['first', 'count']);
    expect(failed.error).toBeInstanceOf(z.ZodError);
    expect(Item).toBeInstanceOf(z.ZodType);
    expect(z.object({ item: Item }).parse({ item: { sku: 'c', count: 3 } })).toEqual({
      item: { sku: 'c', count: 3 },
    });
    expect(Item.extend({ note: z.string() }).parse({ sku: 'd', count: 1, note: 'n' })).toEqual({
      sku: 'd',
      count: 1,
      note: 'n',
    });
    expect(Object.keys(Item.shape)).toEqual(['sku', 'count']);
    expect(z.toJSONSchema(Basket)).toMatchObject({ type: 'object', required: ['first', 'items'] });
  });

  it('answers the built schema through builtSchema, and leaves other values alone', () => {
    const built = builtSchema(Item);
    expect(built).not.toBe(Item);
    expect(built.shape).toBe(Item.shape);
    expect(builtSchema(built)).toBe(built);
    expect(builtSchema(42)).toBe(42);
  });
});

/** Every package's sources: zod's values are reached through core's loadZod only, never imported. */
describe('zod stays off the import path', () => {
  const packagesDir = join(__dirname, '..', '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  const files = readdirSync(packagesDir).flatMap((name) => {
    try {
      return sources(join(packagesDir, name, 'src'));
    } catch {
      return [];
    }
  });

  it('no source file imports a value from zod', () => {
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) =>
      /^import\s+(?!type\b)[^;]*from\s+'zod(\/[^']*)?';/m.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
