/**
 * zod, loaded on first use rather than at import.
 *
 * Evaluating zod costs about 90 ms of a cold start (more than importing an official provider SDK whole),
 * while a valid document never needs it: every hot path has a hand-written reader, and zod is kept for
 * what it does best, the path-by-path error messages of a document that is not valid, and for users who
 * compose the exported schemas. So no module of billbridge imports zod's values at its top level: schemas
 * are declared with `lazySchema(z => ...)` and built, once, the first time anything touches them.
 */
import { createRequire } from 'node:module';
import type { z as Z } from 'zod';

export type Zod = typeof Z;

let zod: Zod | undefined;

/** Asked of a stand-in, answers the schema it stands for (see builtSchema). */
const BUILT = Symbol('billbridge.builtSchema');

/** The zod namespace (`z`), required synchronously the first time it is asked for. */
export function loadZod(): Zod {
  if (zod === undefined) zod = (createRequire(import.meta.url)('zod') as { z: Zod }).z;
  return zod;
}

/**
 * A schema built by `build` on first touch and answered for ever after. What it returns stands for the
 * schema everywhere: parse, safeParse, shape, composition into other schemas, JSON Schema export. Only
 * identity differs: the stand-in is not `===` the built schema, which is what zod hands to callbacks such as
 * `toJSONSchema`'s `override`; compare with `builtSchema(stand-in)` there.
 */
export function lazySchema<T extends object>(build: (z: Zod) => T): T {
  let schema: T | undefined;
  const real = (): T => {
    if (schema === undefined) schema = build(loadZod());
    return schema;
  };
  return new Proxy({} as T, {
    get: (_target, key) => (key === BUILT ? real() : Reflect.get(real(), key)),
    has: (_target, key) => Reflect.has(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    ownKeys: () => Reflect.ownKeys(real()),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    // The stand-in's own (empty) target must not be asked to vouch for the real schema's fixed properties:
    // report each as configurable, which a proxy over an extensible target may.
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
  });
}

/** The schema a `lazySchema` stand-in stands for (building it if need be); any other value as it is. */
export function builtSchema<T>(schema: T): T {
  return ((schema as { [BUILT]?: T })[BUILT] ?? schema) as T;
}

/** Whether zod has been loaded yet (for the test that keeps it off the import path). */
export function isZodLoaded(): boolean {
  return zod !== undefined;
}
