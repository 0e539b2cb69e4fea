/** Bounded concurrency that keeps order, for completing a page of query rows with their lines. */

/**
 * Runs `fetch` over `ids` with at most `limit` in flight and yields the results in the order of `ids`.
 * On a failure the rest still settle (no unhandled rejections) and the first error in order is thrown.
 */
export async function* fetchInOrder<I, T>(
  ids: readonly I[],
  limit: number,
  fetch: (id: I) => Promise<T>,
): AsyncGenerator<T> {
  const inFlight: Promise<T>[] = [];
  let next = 0;
  const launch = () => {
    const promise = fetch(ids[next] as I);
    promise.catch(() => {});
    inFlight.push(promise);
    next += 1;
  };
  while (next < ids.length && inFlight.length < limit) launch();
  while (inFlight.length > 0) {
    const result = await (inFlight.shift() as Promise<T>);
    if (next < ids.length) launch();
    yield result;
  }
}
