import {
  AmbiguousResultError,
  ConflictError,
  type IntegrityDifference,
  IntegrityError,
  RateLimitError,
} from '@billbridge/core';
import { definitelyNotCreated } from '../not-created';
import { reasonOf } from '../report';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a failed create proves, in the engine's terms (the same reading as a journaled run's). */
export type CreateFailure =
  /** A 429: not taken, safe to send again after the shared pause. */
  | { kind: 'rate-limited'; retryAfterMs?: number }
  /** Created, but stored differently from what was sent: done, never sent again, reported. */
  | { kind: 'mismatch'; targetId: string; why: string; differences: IntegrityDifference[] }
  /** An answer that refuses the document: nothing was created. */
  | { kind: 'failed'; why: string }
  /** Anything else may have created the record: never guess. */
  | { kind: 'ambiguous'; why: string };

export function classifyCreateFailure(error: unknown): CreateFailure {
  if (RateLimitError.isInstance(error))
    return error.retryAfterMs === undefined
      ? { kind: 'rate-limited' }
      : { kind: 'rate-limited', retryAfterMs: error.retryAfterMs };
  if (IntegrityError.isInstance(error))
    return {
      kind: 'mismatch',
      targetId: error.createdId,
      differences: [...error.differences],
      why: `stored differently from what was sent: ${error.differences.map((d) => `${d.path} sent ${String(d.expected)}, stored ${String(d.actual)}`).join('; ')}`,
    };
  if (definitelyNotCreated(error)) return { kind: 'failed', why: `${reasonOf(error)}: ${message(error)}` };
  if (ConflictError.isInstance(error))
    return { kind: 'ambiguous', why: `the target says the document already exists (${message(error)})` };
  if (AmbiguousResultError.isInstance(error)) return { kind: 'ambiguous', why: message(error) };
  return {
    kind: 'ambiguous',
    why: `${reasonOf(error)} after the request may have reached the target: ${message(error)}`,
  };
}
