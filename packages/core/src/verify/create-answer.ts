import type { z } from 'zod';
import { AmbiguousResultError } from '../errors/provider-errors';
import { MAX_DEPTH, tooDeepAt } from '../model/bounds';
import { issuesFromZod } from '../model/parse';
import type { TransportResponse } from '../transport/types';

export interface CreateAnswerContext {
  provider: string;
  /** e.g. `Paid create-order response`. */
  subject: string;
  /** The request as sent, for reconciling (redacted on the error). */
  method: string;
  url: string;
  body?: unknown;
  /** The document's external key, when it has one. */
  externalId?: string;
}

/**
 * Reads a create's 2xx answer. A 2xx means the provider may well have stored the record, so an answer
 * that cannot be read (HTML, invalid JSON, an empty or wrongly shaped body) is an AmbiguousResultError
 * carrying the request, never a ValidationError that would invite a resend and a duplicate.
 */
export function parseCreateAnswer<S extends z.ZodType>(
  schema: S,
  response: Pick<TransportResponse, 'status' | 'body' | 'text' | 'requestId'>,
  context: CreateAnswerContext,
  /**
   * The schema's hand-written reader (see `fastRead`): the schema's output for a plainly valid body, or
   * undefined, and then the schema decides. It walks a fixed shape, so it needs no nesting guard.
   */
  read?: (body: unknown) => z.output<S> | undefined,
): z.output<S> {
  const readable = response.body !== undefined && typeof response.body !== 'string';
  if (readable && read !== undefined) {
    const fast = read(response.body);
    if (fast !== undefined) return fast;
  }
  // Too deep a body, or a schema that throws on it, is as unreadable as HTML: the record may still exist.
  const tooDeep = readable && tooDeepAt(response.body) !== undefined;
  let result: ReturnType<S['safeParse']> | undefined;
  let failure: string | undefined;
  if (readable && !tooDeep) {
    try {
      result = schema.safeParse(response.body) as ReturnType<S['safeParse']>;
    } catch (cause) {
      failure = cause instanceof Error ? cause.name : 'an exception';
    }
  }
  if (result?.success) return result.data as z.output<S>;
  const why = tooDeep
    ? `a body nested more than ${MAX_DEPTH} levels deep`
    : failure !== undefined
      ? `a body its schema could not read (${failure})`
      : result === undefined
        ? response.body === undefined
          ? 'an empty body'
          : `a body that is not JSON (${JSON.stringify(response.text.slice(0, 60))}…)`
        : `an unexpected shape (${issuesFromZod(result.error)
            .slice(0, 3)
            .map((i) => `${i.path || '(root)'}: ${i.message}`)
            .join('; ')})`;
  const what = `${context.subject}: ${context.provider} answered ${response.status} with ${why}`;
  throw new AmbiguousResultError(
    `${what}. The record may have been created: reconcile before sending it again${context.externalId ? ` (externalId ${context.externalId})` : ''}.`,
    {
      method: context.method,
      url: context.url,
      ...(context.body !== undefined ? { body: context.body } : {}),
    },
    {
      provider: context.provider,
      status: response.status,
      raw: response.text.slice(0, 2000),
      ...(response.requestId !== undefined ? { requestId: response.requestId } : {}),
      ...(context.externalId !== undefined ? { externalId: context.externalId } : {}),
    },
  );
}
