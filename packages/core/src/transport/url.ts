import { BillbridgeError } from '../errors/billbridge-error';

export interface BaseUrl {
  /** `http://host:port`, no trailing slash. */
  origin: string;
  /** Path prefix without a trailing slash ('' for none), e.g. `/api/v2`. */
  prefix: string;
}

export function parseBaseUrl(baseUrl: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new BillbridgeError(`baseUrl is not a valid URL: ${baseUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BillbridgeError(`baseUrl must be http(s): ${baseUrl}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new BillbridgeError('baseUrl must not carry a query, fragment or credentials');
  }
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

const ABSOLUTE = /^https?:\/\//i;

/**
 * The request path (prefix + path + query) sent to `base.origin`. A full URL (e.g. a provider's "next
 * page" link) is accepted only on the same origin, so credentials are never sent to another host.
 */
export function buildPath(
  base: BaseUrl,
  path: string,
  query: Record<string, string | number | boolean | undefined> | undefined,
): string {
  let out: string;
  if (ABSOLUTE.test(path)) {
    const url = new URL(path);
    if (url.origin !== base.origin) {
      throw new BillbridgeError(`refusing to send a request to ${url.origin}: not the configured origin`);
    }
    out = url.pathname + url.search;
  } else {
    out = path.charCodeAt(0) === 47 /* / */ ? base.prefix + path : `${base.prefix}/${path}`;
  }
  if (query === undefined) return out;
  let separator = out.includes('?') ? '&' : '?';
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined) continue;
    out += `${separator}${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`;
    separator = '&';
  }
  return out;
}
