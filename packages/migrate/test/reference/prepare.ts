/**
 * prepareForTarget as first written (copy everything, then delete the read-only fields and each
 * reference's id), kept as the reference the faster version is property-tested against
 * (test/prepare.test.ts).
 */
import { copyData } from '../../src/prepare';
import type { CanonicalDoc, IdMaps } from '../../src/types';

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
  const out = { ...ref };
  const sourceId = out.id;
  delete out.id;
  if (sourceId !== undefined && out.externalId === undefined) out.externalId = sourceId;
  const mapped = lookup(map, sourceId) ?? lookup(map, ref.externalId) ?? lookup(map, ref.email);
  if (mapped !== undefined) out.id = mapped;
  return out;
}

/**
 * A document read from one provider, made ready for another: read-only fields dropped, the source id kept
 * as `externalId` when the document has none, and references rewritten through the id maps.
 */
export function referencePrepareForTarget(doc: CanonicalDoc, idMaps: IdMaps = {}): CanonicalDoc {
  // A deep copy: the run (quiet defaults) and the user's transform change it, and the source document
  // stays as read (the transform also gets it as `original`).
  const copy = copyData(doc) as CanonicalDoc & Record<string, unknown>;
  const sourceId = copy.id;
  delete copy.id;
  delete copy.provider;
  delete copy.createdAt;
  delete copy.updatedAt;
  if ('providerStatus' in copy) delete copy.providerStatus;
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
