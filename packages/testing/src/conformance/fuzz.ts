import { BillbridgeError } from '@billbridge/core';
import fc from 'fast-check';
import { HOSTILE_NAMES, type Mutation, type MutationAction, mutate, pathsOf } from './hostile';

/** Mutations tried in the systematic sweep of the first document. */
const SWEEP_BUDGET = 1500;

export interface FuzzOptions {
  /** Random values and random mutations tried, besides the sweep. */
  runs: number;
  seed: number;
  /** Billbridge errors seen (a few are kept, for the suite's leak check). */
  seen?: unknown[];
}

/**
 * Feeds `read` random JSON and mutations of `documents` (each hostile value at each place of the first
 * document, then random mutations of all of them) and lists every input that made it throw something
 * other than a billbridge error, as `input: ErrorName: message`, one line per distinct failure.
 */
export function fuzzFromProvider(
  read: (input: unknown) => unknown,
  documents: readonly unknown[],
  options: FuzzOptions,
): string[] {
  const failures = new Map<string, { first: string; count: number }>();
  let kept = 0;
  const attempt = (input: unknown, description: string) => {
    try {
      read(input);
    } catch (error) {
      if (BillbridgeError.isInstance(error)) {
        if (options.seen && kept++ < 10) options.seen.push(error);
        return;
      }
      const e = error as Error;
      const what = `${e?.name ?? typeof error}: ${String(e?.message ?? error).slice(0, 120)}${where(e)}`;
      // One line per distinct error (numbers aside), so a crash shows once with the first input that
      // caused it, not once per path and value.
      const key = what.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/g, 'N');
      const found = failures.get(key);
      if (found) found.count++;
      else failures.set(key, { first: `${what} ← ${description}`, count: 1 });
    }
  };

  const first = documents[0];
  if (first !== undefined) {
    // Every place gets hostile values and every hostile value gets places; past the budget, each place
    // takes every `stride`-th value (shifted per place), so large requests stay quick.
    const places = pathsOf(first).length;
    const stride = Math.max(1, Math.ceil((places * HOSTILE_NAMES.length) / SWEEP_BUDGET));
    for (let pick = 0; pick < places; pick++) {
      for (let v = pick % stride; v < HOSTILE_NAMES.length; v += stride) {
        const { input, description } = mutate(first, { pick, action: 'replace', value: HOSTILE_NAMES[v]! });
        attempt(input, description);
      }
    }
    attempt(first, 'the unmutated request');
  }

  for (const value of fc.sample(fc.oneof(fc.jsonValue(), fc.jsonValue({ maxDepth: 6 })), {
    numRuns: options.runs,
    seed: options.seed,
  })) {
    attempt(value, `random JSON ${JSON.stringify(value).slice(0, 80)}`);
  }

  if (documents.length > 0) {
    const mutation: fc.Arbitrary<{ doc: number; mutation: Mutation }> = fc.record({
      doc: fc.nat({ max: documents.length - 1 }),
      mutation: fc.record({
        pick: fc.nat(),
        action: fc.constantFrom<MutationAction>('replace', 'replace', 'delete', 'add-key'),
        value: fc.constantFrom(...HOSTILE_NAMES),
      }),
    });
    for (const { doc, mutation: m } of fc.sample(mutation, { numRuns: options.runs, seed: options.seed })) {
      const { input, description } = mutate(documents[doc], m);
      attempt(input, `request #${doc} ${description}`);
    }
  }
  return [...failures.values()].map(
    ({ first, count }) => `${first}${count > 1 ? ` (and ${count - 1} more inputs)` : ''}`,
  );
}

/** ` at <file:line>`: the first stack frame in a package's source outside core's money helpers. */
function where(error: Error | undefined): string {
  const frames = String(error?.stack ?? '').split('\n');
  for (const frame of frames) {
    const match = /(packages\/[^/]+\/src\/[^:)]+:\d+)/.exec(frame);
    if (match && !/packages\/core\/src\/money\//.test(match[1]!)) return ` (at ${match[1]})`;
  }
  return '';
}
