/**
 * Hand-written reader of `providerOptions.chargeover` (ChargeOverProviderOptions, a strict object): the
 * schema's output for plainly valid options, or undefined, and then the schema decides and names the
 * field. Fields are loaded by name and counted against the keys `for...in` lists (core's fastRead).
 */
import { fastRead } from '@billbridge/core';
import { PAYCYCLE_SET } from './fast-fields';
import type { ChargeOverProviderOptions } from './options';

/** ChargeOverProviderOptions' keys, written out (test/wire-keys.test.ts compares them with the schema). */
export const PROVIDER_OPTION_KEYS = fastRead.keySet('terms_id', 'class_id', 'admin_id', 'paycycle');

function positive(value: unknown): number {
  return fastRead.int(value, 1, Number.MAX_SAFE_INTEGER);
}

export function readProviderOptions(value: unknown): ChargeOverProviderOptions | undefined {
  const input = fastRead.asPlainObject(value);
  if (input === undefined) return undefined;
  const { terms_id, class_id, admin_id, paycycle } = input;
  const used =
    positive(terms_id) + positive(class_id) + positive(admin_id) + fastRead.oneOf(paycycle, PAYCYCLE_SET);
  const count = fastRead.countKnownKeys(input, PROVIDER_OPTION_KEYS);
  // A non-enumerable key holding undefined is present to zod (it writes `key: undefined`) but counts 0.
  if (used !== count || Object.getOwnPropertyNames(input).length !== count) return undefined;
  const out: ChargeOverProviderOptions = {};
  if (terms_id !== undefined) out.terms_id = terms_id as number;
  if (class_id !== undefined) out.class_id = class_id as number;
  if (admin_id !== undefined) out.admin_id = admin_id as number;
  if (paycycle !== undefined) out.paycycle = paycycle as ChargeOverProviderOptions['paycycle'];
  return out;
}
