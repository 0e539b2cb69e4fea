import fc from 'fast-check';

/** An arbitrary for a field that may be generated: present two times in three when selected, else absent. */
export function optional<T>(selected: boolean, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return selected ? fc.option(arbitrary, { nil: undefined, freq: 3 }) : fc.constant(undefined);
}

/** Drops undefined-valued keys, so documents are exactly what JSON would carry. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/** First of `a`, `b` by string order, then the other: keeps start ≤ end for pairs of instants. */
export function ordered(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}
