import { inspect } from 'node:util';
import { redactDeep, redactSecrets } from './secrets';

/** Marks billbridge errors across copies of the package (two versions installed side by side). */
const MARKER = Symbol.for('@billbridge/core/error');
/** Nesting kept by toJSON (raw bodies deeper than this are cut with a marker). */
const JSON_DEPTH = 64;

/** What every billbridge error may carry besides its message. */
export interface BillbridgeErrorOptions {
  cause?: unknown;
  /** Which provider answered, for errors that come from a provider call. */
  provider?: string;
  /** HTTP status of the provider's answer. */
  status?: number;
  /** The provider's request id, from its response headers. */
  requestId?: string;
  /** Whether the same call may safely be made again. */
  retryable?: boolean;
  /** The provider's response body, as received (redacted). */
  raw?: unknown;
}

/** The base of every error billbridge throws. Test with `BillbridgeError.isInstance(e)` (or a subclass's `isInstance`), which also works across two installed copies of the package; `retryable` says whether the same call may be made again. Messages, `raw` and `util.inspect` output never contain API keys. */
export class BillbridgeError extends Error {
  static readonly kind: string = 'BillbridgeError';
  declare readonly [MARKER]: readonly string[];
  readonly provider?: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly raw?: unknown;

  constructor(message: string, options: BillbridgeErrorOptions = {}) {
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    const kinds: string[] = [];
    for (let ctor = new.target as unknown; ctor && ctor !== Error; ctor = Object.getPrototypeOf(ctor)) {
      const kind = (ctor as { kind?: unknown }).kind;
      if (typeof kind === 'string' && Object.hasOwn(ctor as object, 'kind')) kinds.push(kind);
    }
    Object.defineProperty(this, MARKER, { value: Object.freeze(kinds), enumerable: false });
    Object.defineProperty(this, 'name', { value: kinds[0] ?? 'BillbridgeError', enumerable: false });
    if (options.provider !== undefined) this.provider = options.provider;
    if (options.status !== undefined) this.status = options.status;
    // A request id is the provider's text, echoed from its headers: it may carry anything.
    if (options.requestId !== undefined) this.requestId = redactSecrets(String(options.requestId));
    this.retryable = options.retryable ?? false;
    if (options.raw !== undefined) this.raw = redactDeep(options.raw);
  }

  /** `instanceof` that also recognises errors thrown by another installed copy of billbridge. */
  static isInstance<T extends abstract new (...args: never[]) => BillbridgeError>(
    this: T & { kind: string },
    error: unknown,
  ): error is InstanceType<T> {
    const kinds = (error as { [MARKER]?: unknown } | null | undefined)?.[MARKER];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass isInstance was called on.
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) out[key] = value;
    if (this.cause instanceof Error)
      out.cause = { name: this.cause.name, message: redactSecrets(this.cause.message) };
    // Bounded depth: loggers print this with JSON.stringify, which recurses (a 5,000-deep echo would overflow it).
    return redactDeep(out, JSON_DEPTH) as Record<string, unknown>;
  }

  [inspect.custom](): string {
    return redactSecrets(
      `${this.stack ?? `${this.name}: ${this.message}`}\n${inspect(this.toJSON(), { depth: 6 })}`,
    );
  }
}
