import {
  AmbiguousResultError,
  AuthenticationError,
  BillbridgeError,
  type FieldSupport,
  INVOICE_CAPABILITY_FIELDS,
  IntegrityError,
  type Invoice,
  LossyMappingError,
  type MappingWarning,
  ORDER_CAPABILITY_FIELDS,
  type Order,
  PermissionError,
  PROVIDER_NAMES,
  type ProviderError,
} from '@billbridge/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceArbitrary } from '../arbitraries/invoice';
import { orderArbitrary } from '../arbitraries/order';
import { startFake } from '../fake-server';
import { compareProjections, fieldPresent, project, warningPathPatterns } from '../projection';
import type { FaultKind } from '../types';
import { startCurrencyProxy } from './currency-proxy';
import { echoSecret, echoSecretDeeply, startCannedServer } from './error-server';
import { fuzzFromProvider } from './fuzz';
import { findLeaks } from './leaks';
import type { ConformanceOptions, DocumentedError } from './options';
import { documentTotals } from './totals';

export type {
  ConformanceClient,
  ConformanceOptions,
  ConformanceResult,
  DocumentedError,
  ErrorClass,
  RequestSchema,
} from './options';
export { documentTotals } from './totals';

const DEFAULT_API_KEY = 'sk_test_billbridge_conformance_4f9a2c71';
const FIELD_SUPPORT: readonly FieldSupport[] = ['supported', 'approximated', 'unsupported'];

/**
 * The shared conformance suite: a vitest `describe` block proving an adapter's capability declaration,
 * mappings, client, error mapping and secret hygiene. Each provider package calls it from
 * `test/conformance.test.ts`. See {@link ConformanceOptions} for the options and the list of checks.
 */
export function describeAdapterConformance<S, Seed>(options: ConformanceOptions<S, Seed>): void {
  const { adapter } = options;
  const caps = adapter.capabilities;
  const kind = caps.creates;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const secrets = [apiKey, ...(options.secrets ?? [])];
  const numRuns = options.numRuns ?? 50;
  const mapping = options.mappingOptions ?? {};
  const runParams = (runs: number) => ({
    numRuns: runs,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const declared = caps[kind] as Record<string, FieldSupport>;
  const fieldsAt = (level: FieldSupport) => Object.keys(declared).filter((f) => declared[f] === level);
  /** Every error the suite sees, checked for the API key at the end. */
  const seenErrors: unknown[] = [];

  const generator = (levels: FieldSupport[]): fc.Arbitrary<Invoice | Order> => {
    const base = { capabilities: caps, levels, ...options.arbitraryOptions };
    return kind === 'order'
      ? orderArbitrary({ ...base, ...(options.customizeOrder ? { customize: options.customizeOrder } : {}) })
      : invoiceArbitrary({
          ...base,
          ...(options.customizeInvoice ? { customize: options.customizeInvoice } : {}),
        });
  };
  const supportedDocs = options.arbitrary ?? generator(['supported']);
  const allFieldDocs = options.allFieldsArbitrary ?? generator([...FIELD_SUPPORT]);

  async function capture<T>(run: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
    try {
      return { value: await run() };
    } catch (error) {
      seenErrors.push(error);
      return { error };
    }
  }

  function sample(): Invoice | Order {
    const [doc] = fc.sample(supportedDocs, { numRuns: 1, seed: options.seed ?? 20260105 });
    return doc!;
  }

  describe(`adapter conformance: ${adapter.provider}`, () => {
    it('declares every capability key, with valid levels', () => {
      expect(adapter.specificationVersion).toBe('v1');
      expect(caps.provider).toBe(adapter.provider);
      expect(options.fake.provider).toBe(adapter.provider);
      expect(Object.keys(caps.invoice).sort()).toEqual([...INVOICE_CAPABILITY_FIELDS].sort());
      expect(Object.keys(caps.order).sort()).toEqual([...ORDER_CAPABILITY_FIELDS].sort());
      for (const level of [...Object.values(caps.invoice), ...Object.values(caps.order)]) {
        expect(FIELD_SUPPORT).toContain(level);
      }
      expect(caps.operations.create).toBe(true);
      expect(['none', 'natural-key', 'idempotency-header']).toContain(caps.deduplication.kind);
    });

    it(`round-trips every declared-supported ${kind} field exactly (property)`, () => {
      const supported = fieldsAt('supported');
      fc.assert(
        fc.property(supportedDocs, (doc) => {
          const { request } = adapter.toCreateRequest(doc, { ...mapping });
          if (options.requestSchema) {
            const parsed = options.requestSchema.safeParse(request);
            expect(parsed.success, `request fails the wire schema: ${String(parsed.error)}`).toBe(true);
          }
          const back = adapter.fromProvider(JSON.parse(JSON.stringify(request)), { ...mapping }).value;
          const mismatches = compareProjections(project(doc, supported), project(back, supported));
          expect(mismatches).toEqual([]);
          expect(back.currency).toBe(doc.currency);
        }),
        runParams(numRuns),
      );
    });

    it('warns at the path of every present declared-unsupported field, and strict throws', () => {
      const unsupported = fieldsAt('unsupported');
      fc.assert(
        fc.property(allFieldDocs, (doc) => {
          const present = unsupported.filter((field) => fieldPresent(doc, field));
          const { warnings } = adapter.toCreateRequest(doc, { ...mapping });
          for (const field of present) {
            const patterns = warningPathPatterns(field);
            const hit = warnings.some((w: MappingWarning) => patterns.some((p) => p.test(w.path)));
            expect(hit, `no warning for unsupported field ${field}; warnings: ${paths(warnings)}`).toBe(true);
          }
          if (present.length > 0) {
            let thrown: unknown;
            try {
              adapter.toCreateRequest(doc, { ...mapping, strict: true });
            } catch (error) {
              thrown = error;
              seenErrors.push(error);
            }
            expect(
              LossyMappingError.isInstance(thrown),
              `strict did not throw for ${present.join(', ')}`,
            ).toBe(true);
          }
        }),
        runParams(numRuns),
      );
    });

    it('reports options addressed to another provider as not sent (and strict refuses them)', () => {
      const other = PROVIDER_NAMES.find((name) => name !== adapter.provider)!;
      const doc = { ...sample(), providerOptions: { [other]: { onlyThere: true } } } as Invoice | Order;
      const { warnings } = adapter.toCreateRequest(doc, { ...mapping });
      expect(warnings).toContainEqual(
        expect.objectContaining({ code: 'unsupported', path: `providerOptions.${other}` }),
      );
      expect(() => adapter.toCreateRequest(doc, { ...mapping, strict: true })).toThrow(
        expect.objectContaining({ name: 'LossyMappingError' }),
      );
    });

    it('creates through the client against the fake, keeping currency and totals', async () => {
      const fake = await startFake(options.fake, seedOption(options.fakeSeed));
      try {
        const client = await options.createClient(fake.url, { apiKey, maxRetries: 0 });
        const docs = fc.sample(supportedDocs, runParams(options.createRuns ?? 10));
        for (const [i, raw] of docs.entries()) {
          const doc = uniquify(raw, i);
          const before = fake.records.length;
          const { value, error } = await capture(() => client.create(doc));
          expect(error, `create #${i} failed: ${String((error as Error)?.message)}`).toBeUndefined();
          expect(fake.records.length).toBe(before + 1);
          expect(value!.value.currency).toBe(doc.currency);
          expect(documentTotals(value!.value)).toEqual(documentTotals(doc));
          // The request-side warnings, apart from those of reading the answer back (migrations report
          // them); by code and path, since a message may carry the moment it was made.
          const codeAndPath = (ws: MappingWarning[] | undefined) => ws?.map((w) => `${w.code} ${w.path}`);
          expect(codeAndPath(value!.requestWarnings)).toEqual(
            codeAndPath(adapter.toCreateRequest(doc, { ...mapping }).warnings),
          );
          if (client.get && caps.operations.get && value!.value.id) {
            const read = await capture(() => client.get!(value!.value.id!));
            expect(read.error, `get failed: ${String((read.error as Error)?.message)}`).toBeUndefined();
            expect(read.value!.value.currency).toBe(doc.currency);
            expect(documentTotals(read.value!.value)).toEqual(documentTotals(doc));
          }
        }
      } finally {
        await fake.close();
      }
    });

    it('turns injected faults into billbridge errors (never a raw error)', async () => {
      const script: FaultKind[] = ['rate_limit', 'unavailable', 'bad_gateway', 'drop', 'created_then_failed'];
      const fake = await startFake(options.fake, { ...seedOption(options.fakeSeed), faults: { script } });
      try {
        const client = await options.createClient(fake.url, { apiKey, maxRetries: 0 });
        for (const [i, fault] of script.entries()) {
          const { error } = await capture(() => client.create(uniquify(sample(), 1000 + i)));
          expect(BillbridgeError.isInstance(error), `${fault}: got ${String(error)}`).toBe(true);
          if (fault === 'rate_limit') expect((error as ProviderError).status).toBe(429);
          if (fault === 'created_then_failed' && caps.deduplication.kind === 'none') {
            expect(AmbiguousResultError.isInstance(error), `${fault}: got ${String(error)}`).toBe(true);
          }
        }
      } finally {
        await fake.close();
      }
    });

    it.skipIf(options.rejectingSeed === undefined)(
      'a rejected credential is an authentication error',
      async () => {
        const fake = await startFake(options.fake, seedOption(options.rejectingSeed));
        try {
          const client = await options.createClient(fake.url, { apiKey, maxRetries: 0 });
          const { error } = await capture(() => client.create(sample()));
          expect(
            AuthenticationError.isInstance(error) || PermissionError.isInstance(error),
            String(error),
          ).toBe(true);
          expect(fake.records).toEqual(options.fake.records(options.fake.createState(options.rejectingSeed)));
        } finally {
          await fake.close();
        }
      },
    );

    const documented = options.documentedErrors ?? [];
    it.skipIf(documented.length === 0).each(documented.map((d) => [label(d), d] as const))(
      'maps documented error %s to its class',
      async (_name, entry) => {
        for (const body of [entry.body, echoSecret(entry.body, apiKey)]) {
          const server = await startCannedServer(entry.status, body, entry.headers);
          try {
            const client = await options.createClient(server.url, { apiKey, maxRetries: 0 });
            const { error } = await capture(() => client.create(sample()));
            // A create the server may have carried out (a 5xx, without deduplication) is reported as
            // ambiguous; the documented error is then its cause.
            const answered = AmbiguousResultError.isInstance(error) ? error.cause : error;
            expect(
              entry.expected.isInstance(answered),
              `expected ${entry.expected.kind}, got ${String(error)}`,
            ).toBe(true);
            expect((error as BillbridgeError).provider).toBe(adapter.provider);
            expect((answered as BillbridgeError).status).toBe(entry.status);
          } finally {
            await server.close();
          }
        }
      },
    );

    it('fromProvider throws only billbridge errors, whatever JSON it is given (fuzz)', () => {
      const failures = fuzzFromProvider(
        (input) => adapter.fromProvider(input, { ...mapping }),
        fc
          .sample(supportedDocs, runParams(20))
          .map((doc) => JSON.parse(JSON.stringify(adapter.toCreateRequest(doc, { ...mapping }).request))),
        { runs: options.fuzzRuns ?? 400, seed: options.seed ?? 20261130, seen: seenErrors },
      );
      expect(
        failures.length,
        `${adapter.provider}: fromProvider threw non-billbridge errors:\n${failures.slice(0, 12).join('\n')}`,
      ).toBe(0);
    });

    it('a create whose 2xx answer cannot be read is an AmbiguousResultError (created_then_garbled)', async () => {
      // By rate on creating routes only, so a lookup the client makes first is not the one garbled.
      const faults = { rate: 1, kinds: ['created_then_garbled' as const] };
      const fake = await startFake(options.fake, { ...seedOption(options.fakeSeed), faults });
      try {
        const client = await options.createClient(fake.url, { apiKey, maxRetries: 0 });
        const doc = uniquify(sample(), 2000);
        const { value, error } = await capture(() => client.create(doc));
        expect(fake.faults.injected.map((f) => f.kind)).toContain('created_then_garbled');
        expect(
          AmbiguousResultError.isInstance(error),
          `expected AmbiguousResultError, got ${value ? 'a success' : describeError(error)}`,
        ).toBe(true);
        const ambiguous = error as AmbiguousResultError;
        expect(ambiguous.request.method).toBe('POST');
        expect(ambiguous.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
        expect(ambiguous.provider).toBe(adapter.provider);
      } finally {
        await fake.close();
      }
    });

    it.skipIf(options.answersCarryCurrency === false)(
      'a record stored and answered in another currency is an IntegrityError naming currency and the created id',
      async () => {
        const fake = await startFake(options.fake, seedOption(options.fakeSeed));
        const doc = uniquify(sample(), 3000);
        const other = doc.currency === 'EUR' ? 'USD' : 'EUR';
        const proxy = await startCurrencyProxy(fake.url, doc.currency, other);
        try {
          const client = await options.createClient(proxy.url, { apiKey, maxRetries: 0 });
          const { value, error } = await capture(() => client.create(doc));
          expect(
            IntegrityError.isInstance(error),
            `expected IntegrityError, got ${value ? `a success in ${value.value.currency}` : describeError(error)}`,
          ).toBe(true);
          const integrity = error as IntegrityError;
          expect(integrity.differences).toContainEqual(
            expect.objectContaining({ path: 'currency', expected: doc.currency, actual: other }),
          );
          expect(integrity.createdId.length).toBeGreaterThan(0);
          expect(integrity.message).toContain(integrity.createdId);
          // The id is the one the provider gave the stored record.
          expect(proxy.originals.some((text) => text.includes(integrity.createdId))).toBe(true);
        } finally {
          await proxy.close();
          await fake.close();
        }
      },
    );

    it.skipIf(documented.length === 0)(
      'an error body echoing the key 40 levels deep, base64- and URL-encoded shows it nowhere',
      async () => {
        const entry = documented[0]!;
        const server = await startCannedServer(
          entry.status,
          echoSecretDeeply(entry.body, apiKey),
          entry.headers,
        );
        try {
          const client = await options.createClient(server.url, { apiKey, maxRetries: 0 });
          const { error } = await capture(() => client.create(sample()));
          expect(BillbridgeError.isInstance(error), describeError(error)).toBe(true);
          expect(findLeaks([error], secrets)).toEqual([]);
        } finally {
          await server.close();
        }
      },
    );

    it('never shows the API key in any error seen by the suite', () => {
      expect(findLeaks(seenErrors, secrets)).toEqual([]);
    });
  });
}

function describeError(error: unknown): string {
  if (error === undefined) return 'no error';
  const e = error as Error;
  return `${e?.name ?? typeof error}: ${String(e?.message ?? error).slice(0, 300)}`;
}

function seedOption<Seed>(seed: Seed | undefined): { seed?: Seed } {
  return seed === undefined ? {} : { seed };
}

function label(entry: DocumentedError): string {
  return entry.name ?? `${entry.status} → ${entry.expected.kind}`;
}

function paths(warnings: MappingWarning[]): string {
  return warnings.map((w) => w.path).join(', ') || '(none)';
}

/** Distinct natural keys per create, so providers that refuse duplicates accept every document. */
function uniquify<T extends Invoice | Order>(doc: T, i: number): T {
  const copy = { ...doc };
  const suffix = `-${Date.now().toString(36)}-${i}`;
  if (copy.externalId !== undefined) copy.externalId += suffix;
  if (copy.number !== undefined) copy.number += suffix;
  return copy;
}
