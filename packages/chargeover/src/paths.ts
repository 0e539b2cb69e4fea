/**
 * Paths of numbered lines (`lines[3]`), built once per index: every mapped line passes its path to the
 * checks that may warn about it, and a fresh string per line added up. Paths of single fields are built
 * from it only when a warning or error needs one.
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
