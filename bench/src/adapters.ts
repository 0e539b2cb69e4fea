/** The five adapters by provider name, typed loosely so one loop can drive them all. */
import { chargeover } from '@billbridge/chargeover';
import type { MappingResult, MappingWarning } from '@billbridge/core';
import { flowglad } from '@billbridge/flowglad';
import { paid } from '@billbridge/paid';
import { pelcro } from '@billbridge/pelcro';
import { whop } from '@billbridge/whop';
import type { Provider } from './docs';

export interface LooseAdapter {
  toCreateRequest(
    doc: unknown,
    options?: Record<string, unknown>,
  ): { request: unknown; warnings: MappingWarning[] };
  fromProvider(record: unknown, options?: Record<string, unknown>): MappingResult<unknown>;
}

export const ADAPTERS: Record<Provider, LooseAdapter> = {
  paid: paid as unknown as LooseAdapter,
  flowglad: flowglad as unknown as LooseAdapter,
  whop: whop as unknown as LooseAdapter,
  chargeover: chargeover as unknown as LooseAdapter,
  pelcro: pelcro as unknown as LooseAdapter,
};
