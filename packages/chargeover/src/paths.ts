/**
 * Field paths of numbered lines (`lines[3].unitAmount`), built once per index: every mapped line names its
 * amounts' paths for core's money conventions, and a fresh string per line and field added up.
 */
const MAX_CACHED = 1000;

/** `${prefix}${i}${suffix}`, kept for the first indexes. */
export function indexedPath(prefix: string, suffix: string): (i: number) => string {
  const cache: string[] = [];
  return (i) => {
    if (i >= MAX_CACHED) return `${prefix}${i}${suffix}`;
    let path = cache[i];
    if (path === undefined) {
      path = `${prefix}${i}${suffix}`;
      cache[i] = path;
    }
    return path;
  };
}
