import type { CanonicalDoc, IdMaps, SourceLocation } from './types';

/** The journal key of a source document: its source id, else its external key or number, else its position. */
export function sourceKey(doc: CanonicalDoc, location: SourceLocation): string {
  return doc.id ?? doc.externalId ?? doc.number ?? `#${location.index}`;
}

/** An own entry of a map (a description such as "constructor" must not find Object's prototype). */
function lookup(map: Record<string, string> | undefined, key: string | undefined): string | undefined {
  return map !== undefined && key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

interface Reference {
  id?: string;
  externalId?: string;
  email?: string;
}

/**
 * A reference read from the source names the source's record; the target needs its own. The source id
 * moves to `externalId` (where Pelcro's old_provider_id and ChargeOver's external keys find it) and the
 * id map, when it knows the record, supplies the target id.
 */
function remap<T extends Reference>(ref: T, map: Record<string, string> | undefined): T {
  // Built without `id` rather than copied and then deleted from: a deleted key leaves the object in
  // V8's slow dictionary form, and every later read of the document (validation, mapping) pays for it.
  const out: Reference & Record<string, unknown> = {};
  for (const key of Object.keys(ref))
    if (key !== 'id') setOwn(out, key, (ref as Record<string, unknown>)[key]);
  const sourceId = ref.id;
  if (sourceId !== undefined && out.externalId === undefined) out.externalId = sourceId;
  const mapped = lookup(map, sourceId) ?? lookup(map, ref.externalId) ?? lookup(map, ref.email);
  if (mapped !== undefined) out.id = mapped;
  return out as T;
}

/** The fields a document read from a provider carries that no create takes. */
const READ_ONLY = new Set(['id', 'provider', 'createdAt', 'updatedAt', 'providerStatus']);

/**
 * A document read from one provider, made ready for another: read-only fields dropped, the source id kept
 * as `externalId` when the document has none, and references rewritten through the id maps.
 */
export function prepareForTarget(
  doc: CanonicalDoc,
  idMaps: IdMaps = {},
  options: { owned?: boolean } = {},
): CanonicalDoc {
  // A deep copy: the run (quiet defaults) and the user's transform change it, and the source document
  // stays as read (the transform also gets it as `original`). A document `owned` by the caller (parsed
  // by the run itself, and no transform to see the original) is built from its own parts instead, which
  // the preparing may change: the copy was a third of the preparing's cost and of its garbage.
  // The read-only fields are left out either way (not deleted: see remap).
  const copy = {} as CanonicalDoc & Record<string, unknown>;
  const owned = options.owned === true;
  for (const key of Object.keys(doc)) {
    if (READ_ONLY.has(key)) continue;
    const value = (doc as Record<string, unknown>)[key];
    setOwn(copy, key, owned ? value : copyData(value));
  }
  const sourceId = doc.id;
  if (sourceId !== undefined && copy.externalId === undefined) copy.externalId = sourceId;
  copy.customer = remap(copy.customer, idMaps.customers);
  if ('billingCustomer' in copy && copy.billingCustomer)
    copy.billingCustomer = remap(copy.billingCustomer, idMaps.customers);
  if ('subscription' in copy && copy.subscription)
    copy.subscription = remap(copy.subscription, idMaps.subscriptions);
  for (const line of copy.lines as Array<{ product?: Reference; description?: string }>) {
    if (line.product) line.product = remap(line.product, idMaps.products);
    // A line without a mapped product: by its description, else the default item.
    if (line.product?.id === undefined) {
      const byDescription = lookup(idMaps.products, line.description);
      const id = byDescription ?? idMaps.defaultProduct;
      if (id !== undefined) line.product = { ...line.product, id };
    }
  }
  return copy;
}

/**
 * A deep copy of canonical data (plain objects, arrays, strings, numbers, booleans, null), as
 * structuredClone makes of it, several times faster (it was the costliest step of preparing a document).
 * Keys are copied as own data properties, `__proto__` included (metadata may carry one); anything that is
 * not plain data (a Date, a Map, a class instance a transform put in) goes to structuredClone.
 * test/copy-data.test.ts holds it equal to structuredClone.
 */
export function copyData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return structuredClone(value);
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyData(value[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(out, key, copyData((value as Record<string, unknown>)[key]));
  return out;
}

/** `out[key] = value` as an own data property, `__proto__` included (assigning that would set the prototype). */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
