import type {
  BillbridgeError,
  Invoice,
  MappingOptions,
  MappingWarning,
  Order,
  ProviderAdapter,
} from '@billbridge/core';
import type fc from 'fast-check';
import type { FakeDefinition } from '../types';

/** What a client's create / get resolve to (the standard client shape of every provider package). */
export interface ConformanceResult {
  value: Invoice | Order;
  raw: unknown;
  warnings: MappingWarning[];
  /** create: the warnings of the request alone (without those of reading the answer back). */
  requestWarnings?: MappingWarning[];
}

/** The standard provider client, as far as the suite uses it. */
export interface ConformanceClient {
  create(doc: Invoice | Order): Promise<ConformanceResult>;
  get?(id: string): Promise<ConformanceResult>;
}

/** A billbridge error class, e.g. `RateLimitError` (checked with its cross-copy `isInstance`). */
export interface ErrorClass {
  readonly kind: string;
  isInstance(error: unknown): error is BillbridgeError;
}

/** One error answer the provider documents, and the billbridge error it must become. */
export interface DocumentedError {
  status: number;
  /** The provider's error body exactly as documented: JSON (object) or plain text (string). */
  body: unknown;
  /** Extra response headers, e.g. `{ 'retry-after': '2' }`. */
  headers?: Record<string, string>;
  expected: ErrorClass;
  /** Label in the test name (default: the status and class). */
  name?: string;
}

/** Anything with zod's `safeParse`: the provider package's own create-request schema. */
export interface RequestSchema {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

/**
 * Options of {@link describeAdapterConformance}. Only `adapter`, `fake` and `createClient` are required.
 *
 * Checks, one `it` each: capability keys complete; supported fields round-trip
 * (`fromProvider(toCreateRequest(doc).request)`) and requests pass `requestSchema`; every present
 * declared-unsupported field warns at its path and `strict` throws LossyMappingError; creates through
 * the client against the fake succeed with the same currency and totals (and `get` reads them back);
 * injected faults surface as billbridge errors; a rejected credential is an auth error; every
 * documented error maps to its class; `fromProvider` throws only billbridge errors for random JSON and
 * for its own create requests with one part made hostile (past 2^53, 10,000 levels deep, wrongly
 * typed…); a create whose 2xx answer is an HTML page (`created_then_garbled`) is an AmbiguousResultError;
 * a record answered in another currency than sent is an IntegrityError naming `currency` and the created
 * id; no error ever shows the API key.
 *
 * ```ts
 * describeAdapterConformance({
 *   adapter: whop,
 *   fake: whopFake,
 *   mappingOptions: { companyId: 'biz_xxxxxxxxxxxxxx' },
 *   createClient: (baseUrl, { apiKey, maxRetries }) =>
 *     createWhopClient({ apiKey, baseUrl, maxRetries, companyId: 'biz_xxxxxxxxxxxxxx' }),
 *   customizeInvoice: (doc) => ({ ...doc, customer: { ...doc.customer, id: 'mber_xxxxxxxxxxxx' } }),
 *   requestSchema: WhopCreateInvoiceRequest,
 *   documentedErrors: [{ status: 401, body: { error: { message: 'Unauthorized' } }, expected: AuthenticationError }],
 * });
 * ```
 */
export interface ConformanceOptions<S = unknown, Seed = unknown> {
  /** The adapter under test. */
  adapter: ProviderAdapter<unknown, MappingOptions>;
  /** The provider's fake (e.g. `whopFake` from `@billbridge/whop/testing`). */
  fake: FakeDefinition<S, Seed>;
  /** Seed passed to `startFake` for the create checks (default: the fake's default data set). */
  fakeSeed?: Seed;
  /**
   * A seed whose fake rejects `apiKey` (e.g. `{ apiKeys: ['other-key'] }`): a create must then fail with
   * AuthenticationError or PermissionError. Omitted: that check is skipped.
   */
  rejectingSeed?: Seed;
  /** Provider keys for `toCreateRequest` / `fromProvider` (companyId, siteId, currencyIds, timeZone…). */
  mappingOptions?: Omit<MappingOptions, 'strict'> & Record<string, unknown>;
  /** Builds the provider's client against `baseUrl` with the given credential and retry budget. */
  createClient(
    baseUrl: string,
    options: { apiKey: string; maxRetries: number },
  ): ConformanceClient | Promise<ConformanceClient>;
  /** The credential passed to `createClient`; must be well-formed for the fake. */
  apiKey?: string;
  /**
   * More strings that must never appear in an error (e.g. a Basic-auth header value built from the
   * key). `apiKey` is always checked.
   */
  secrets?: string[];
  /**
   * Documents for the round-trip and create checks. Default: `invoiceArbitrary` / `orderArbitrary`
   * (whichever the adapter creates) restricted to the fields declared `supported`, then the customize hook.
   */
  arbitrary?: fc.Arbitrary<Invoice | Order>;
  /**
   * Documents with every field, for the "unsupported fields warn" check. Default: the same generator
   * with every field enabled, then the customize hook.
   */
  allFieldsArbitrary?: fc.Arbitrary<Invoice | Order>;
  /**
   * Adds what the provider requires to each generated invoice (a known customer, a product per line);
   * used when the adapter creates invoices.
   */
  customizeInvoice?: (doc: Invoice) => Invoice;
  /** The same for generated orders, when the adapter creates orders (Paid). */
  customizeOrder?: (doc: Order) => Order;
  /** Passed to the default generators (currencies, maxLines, metadataValues, datePrecision). */
  arbitraryOptions?: {
    currencies?: readonly string[];
    maxLines?: number;
    metadataValues?: 'json' | 'string';
    datePrecision?: 'ms' | 'second' | 'day';
  };
  /** The provider's create-request schema: every request `toCreateRequest` builds must pass it. */
  requestSchema?: RequestSchema;
  /** Every error answer the provider documents, with the class it must map to. */
  documentedErrors?: DocumentedError[];
  /** Property runs of the pure mapping checks (default 50). */
  numRuns?: number;
  /** Creates sent to the fake by the create check (default 10). */
  createRuns?: number;
  /** fast-check seed, to replay a failure. */
  seed?: number;
  /** Random and mutated inputs fed to `fromProvider` by the fuzz check, besides the sweep (default 400). */
  fuzzRuns?: number;
  /**
   * `false` when neither the create answer nor a read of the record carries the currency, so no client
   * can notice a record stored in another one (e.g. Paid orders): the currency-integrity check is then
   * skipped. Default true.
   */
  answersCarryCurrency?: boolean;
}
