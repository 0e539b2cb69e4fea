/**
 * A small provider used only by these tests: an adapter, a fake server definition and a client on core's
 * transport, so the engine is exercised over real HTTP without depending on the five real adapters.
 * Wire shape: POST /invoices { key?, number?, customer, currency, lines: [{ desc?, qty, unit }] }.
 */
import {
  type Capabilities,
  createTransport,
  errorFromStatus,
  INVOICE_CAPABILITY_FIELDS,
  type Invoice,
  MissingRequiredFieldError,
  ORDER_CAPABILITY_FIELDS,
  type ProviderAdapter,
  parseCreateAnswer,
  parseInvoice,
  WarningCollector,
} from '@billbridge/core';
import type { FakeDefinition, FakeRequest } from '@billbridge/testing';
import type { CanonicalInput, CreateResult, TargetClient } from '../../src/types';

export interface ToyLine {
  desc?: string;
  qty: number;
  unit: number;
}
export interface ToyInvoice {
  id?: string;
  key?: string;
  number?: string;
  customer: string;
  currency: string;
  lines: ToyLine[];
}

export function toyAdapter(dedup: boolean): ProviderAdapter<ToyInvoice> {
  const unsupported = new Set(['memo', 'lines.tax', 'footer']);
  const capabilities: Capabilities = {
    provider: 'whop',
    creates: 'invoice',
    amountUnit: { kind: 'minor' },
    dateForm: 'none',
    operations: { create: true, get: false, list: true },
    deduplication: dedup
      ? { kind: 'natural-key', field: 'key', canonicalField: 'externalId' }
      : { kind: 'none' },
    invoice: Object.fromEntries(
      INVOICE_CAPABILITY_FIELDS.map((f) => [f, unsupported.has(f) ? 'unsupported' : 'supported']),
    ) as Capabilities['invoice'],
    order: Object.fromEntries(
      ORDER_CAPABILITY_FIELDS.map((f) => [f, 'unsupported']),
    ) as Capabilities['order'],
  };
  return {
    provider: 'whop',
    specificationVersion: 'v1',
    capabilities,
    toCreateRequest(input, options) {
      const doc = parseInvoice(input);
      const w = new WarningCollector('toy');
      if (!doc.customer.id) {
        throw new MissingRequiredFieldError(
          'toy',
          'customer.id',
          'the toy needs its own customer id.',
          'idMaps.customers',
        );
      }
      if (doc.memo !== undefined) w.unsupported('memo');
      if (doc.footer !== undefined) w.unsupported('footer');
      const lines = doc.lines.map((line, i) => {
        if (line.tax) w.unsupported(`lines[${i}].tax`);
        return {
          ...(line.description === undefined ? {} : { desc: line.description }),
          qty: Number(line.quantity),
          unit: line.unitAmount ?? 0,
        };
      });
      const request: ToyInvoice = {
        ...(doc.externalId === undefined ? {} : { key: doc.externalId }),
        ...(doc.number === undefined ? {} : { number: doc.number }),
        customer: doc.customer.id,
        currency: doc.currency,
        lines,
      };
      return { request, warnings: w.finish(options?.strict) };
    },
    fromProvider(record) {
      const r = record as ToyInvoice;
      const value: Invoice = parseInvoice({
        ...(r.id === undefined ? {} : { id: r.id }),
        ...(r.key === undefined ? {} : { externalId: r.key }),
        ...(r.number === undefined ? {} : { number: r.number }),
        currency: r.currency,
        customer: { id: r.customer },
        lines: r.lines.map((l) => ({
          ...(l.desc === undefined ? {} : { description: l.desc }),
          quantity: l.qty,
          unitAmount: l.unit,
        })),
      });
      return { value, warnings: [] };
    },
  };
}

export interface ToyState {
  invoices: ToyInvoice[];
  keys: Set<string>;
  /** When set, the list omits `key` and `number` (a read shape that echoes neither). */
  hideKeys: boolean;
  /** Answer 429 to the next n creates. */
  throttleNext: number;
}

function error(status: number, message: string) {
  return { status, body: { error: message } };
}

export function toyFake(dedup: boolean): FakeDefinition<ToyState, { hideKeys?: boolean }> {
  return {
    provider: 'whop',
    createState: (seed) => ({
      invoices: [],
      keys: new Set(),
      hideKeys: seed?.hideKeys ?? false,
      throttleNext: 0,
    }),
    authenticate: (req: FakeRequest) =>
      req.headers.authorization === 'Bearer toy_key' ? undefined : error(401, 'bad key'),
    routes: [
      {
        method: 'POST',
        path: '/invoices',
        creates: true,
        handle(req, state) {
          if (state.throttleNext > 0) {
            state.throttleNext--;
            return { ...error(429, 'slow down'), headers: { 'retry-after': '0' } };
          }
          const body = req.body as ToyInvoice;
          if (!body || typeof body.customer !== 'string' || !body.customer.startsWith('cus_')) {
            return error(400, 'unknown customer');
          }
          if (dedup && body.key !== undefined && state.keys.has(body.key)) return error(409, 'duplicate key');
          if (body.key !== undefined) state.keys.add(body.key);
          const stored = { ...body, id: `inv_${state.invoices.length + 1}` };
          state.invoices.push(stored);
          return { status: 200, body: stored };
        },
      },
      {
        method: 'GET',
        path: '/invoices/:id',
        handle(req, state) {
          const found = state.invoices.find((inv) => inv.id === req.params.id);
          return found ? { status: 200, body: found } : error(404, 'no such invoice');
        },
      },
      {
        method: 'GET',
        path: '/invoices',
        handle(req, state) {
          const offset = Number(req.query.get('offset') ?? 0);
          const limit = Number(req.query.get('limit') ?? 100);
          const page = state.invoices.slice(offset, offset + limit).map((inv) => {
            if (!state.hideKeys) return inv;
            const { key: _key, number: _number, ...rest } = inv;
            return rest;
          });
          return { status: 200, body: { data: page, hasMore: offset + limit < state.invoices.length } };
        },
      },
    ],
    records: (state) => state.invoices,
    errorResponse: error,
  };
}

/** The toy's answer schema: any object with an id (duck-typed; the toy has no zod of its own). */
const TOY_ANSWER = {
  safeParse: (value: unknown) =>
    value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string'
      ? { success: true, data: value as ToyInvoice }
      : { success: true, data: undefined },
} as unknown as Parameters<typeof parseCreateAnswer>[0];

export function toyClient(
  adapter: ProviderAdapter<ToyInvoice>,
  baseUrl: string,
  maxRetries = 2,
): TargetClient {
  const dedup = adapter.capabilities.deduplication.kind !== 'none';
  const transport = createTransport({
    provider: 'whop',
    baseUrl,
    headers: { authorization: 'Bearer toy_key' },
    secrets: ['toy_key'],
    maxRetries,
    retryBaseMs: 1,
    mapError: (res) =>
      errorFromStatus({
        provider: 'toy',
        status: res.status,
        message: (res.body as { error?: string })?.error ?? res.text,
        ...(res.headers['retry-after'] === undefined
          ? {}
          : { retryAfterMs: Number(res.headers['retry-after']) * 1000 }),
      }),
  });
  return {
    async create(doc: CanonicalInput): Promise<CreateResult> {
      const { request, warnings } = adapter.toCreateRequest(doc);
      const res = await transport.request({
        method: 'POST',
        path: '/invoices',
        body: request,
        operation: 'create',
        deduplicated: dedup,
        ...(request.key === undefined ? {} : { externalId: request.key }),
      });
      // A 2xx it cannot read (an HTML page) may still mean "stored": core makes it AmbiguousResultError.
      const body = parseCreateAnswer(TOY_ANSWER, res, {
        provider: 'toy',
        subject: 'toy create-invoice response',
        method: 'POST',
        url: `${baseUrl}/invoices`,
        body: request,
        ...(request.key === undefined ? {} : { externalId: request.key }),
      });
      const back = adapter.fromProvider(body);
      return { value: back.value, raw: res.body, warnings: [...warnings, ...back.warnings] };
    },
    async get(id: string) {
      const res = await transport.request({ method: 'GET', path: `/invoices/${id}`, operation: 'read' });
      const back = adapter.fromProvider(res.body);
      return { value: back.value, raw: res.body, warnings: back.warnings };
    },
    async *list() {
      for (let offset = 0; ; offset += 100) {
        const res = await transport.request({
          method: 'GET',
          path: '/invoices',
          query: { offset, limit: 100 },
          operation: 'read',
        });
        const body = res.body as { data: ToyInvoice[]; hasMore: boolean };
        for (const record of body.data) {
          const back = adapter.fromProvider(record);
          yield { value: back.value, raw: record, warnings: back.warnings };
        }
        if (!body.hasMore) return;
      }
    },
  };
}

/** A canonical invoice as a source would hold it. */
export function sourceInvoice(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `src_${i}`,
    number: `N-${i}`,
    currency: 'USD',
    customer: { id: `c${i % 7}`, email: `c${i % 7}@example.com` },
    lines: [{ description: 'Plan', quantity: 1, unitAmount: 1000 + i }],
    ...extra,
  };
}

export const customerMap = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`c${i}`, `cus_${i}`]));
