/**
 * What each provider's create call looks like on the wire (path, auth headers, body), so the raw
 * baselines send exactly the bytes and headers the billbridge client sends.
 */
import { WHOP_API_VERSION } from '@billbridge/whop';
import type { Provider } from './docs';

export const KEYS = {
  paid: 'paid_bench_key',
  flowglad: 'sk_test_bench',
  whop: 'whop_bench_key',
  chargeover: { publicKey: 'pubkey', privateKey: 'privkey' },
  pelcro: 'pelcro_bench_key',
} as const;

/** Base URL a client gets for `origin` (the path prefix a provider's own base URL carries). */
export function baseUrlFor(provider: Provider, origin: string): string {
  if (provider === 'paid') return `${origin}/api/v2`;
  if (provider === 'whop') return `${origin}/api/v1`;
  return origin;
}

export interface WireCall {
  /** Appended to the provider's base URL. */
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** The create call for a request from `toCreateRequest`. */
export function createCall(provider: Provider, request: unknown): WireCall {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  switch (provider) {
    case 'paid':
      return { path: '/orders/', headers: { ...json, authorization: `Bearer ${KEYS.paid}` }, body: request };
    case 'flowglad':
      return { path: '/api/v1/invoices', headers: { ...json, authorization: KEYS.flowglad }, body: request };
    case 'whop':
      return {
        path: '/invoices',
        headers: { ...json, authorization: `Bearer ${KEYS.whop}`, 'api-version-date': WHOP_API_VERSION },
        body: request,
      };
    case 'chargeover': {
      const basic = Buffer.from(`${KEYS.chargeover.publicKey}:${KEYS.chargeover.privateKey}`).toString(
        'base64',
      );
      return {
        path: '/api/v3/invoice',
        headers: { ...json, authorization: `Basic ${basic}` },
        body: request,
      };
    }
    case 'pelcro': {
      const { query, body } = request as { query: { site_id: number }; body: unknown };
      return {
        path: `/api/v1/core/invoices?site_id=${query.site_id}`,
        headers: { ...json, authorization: `Bearer ${KEYS.pelcro}` },
        body,
      };
    }
  }
}
