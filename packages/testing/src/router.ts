import type { FakeRoute } from './types';

/** A fake route matched to a request, with the captured `:name` path segments. */
export interface RouteMatch<S> {
  route: FakeRoute<S>;
  params: Record<string, string>;
}

/** Compiled routes: `:name` segments capture one non-empty segment; everything else matches exactly. */
export class Router<S> {
  private readonly compiled: Array<{ route: FakeRoute<S>; segments: string[] }>;

  constructor(routes: FakeRoute<S>[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split('/') }));
  }

  match(method: string, path: string): RouteMatch<S> | undefined {
    const segments = path.split('/');
    for (const { route, segments: pattern } of this.compiled) {
      if (route.method !== method || pattern.length !== segments.length) continue;
      const params = matchSegments(pattern, segments);
      if (params) return { route, params };
    }
    return undefined;
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = segments[i]!;
    if (expected.startsWith(':') && expected.length > 1) {
      if (actual === '') return undefined;
      params[expected.slice(1)] = safeDecode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
