import {
  AmbiguousResultError,
  type Capabilities,
  createFacts,
  createTransport,
  decimalToSafeInteger,
  errorFromStatus,
  INVOICE_CAPABILITY_FIELDS,
  type Invoice,
  type MappingOptions,
  ORDER_CAPABILITY_FIELDS,
  type ProviderAdapter,
  parseInvoice,
  roundDecimal,
  type TransportResponse,
  toDecimal,
  ValidationError,
  type ValidationIssue,
  verifyCreate,
  WarningCollector,
} from '@billbridge/core';

/** The tiny provider's wire format: integers in minor units, snake_case. */
export interface TinyRequest {
  external_id?: string;
  currency: string;
  customer: { id?: string; email?: string };
  memo?: string;
  metadata?: Record<string, unknown>;
  lines: Array<{ description?: string; quantity: number; unit_amount: number }>;
}

/** The tiny provider's record as it answers it (its create request plus an id), checked by hand. */
function readTinyRecord(value: unknown): TinyRequest & { id?: string } {
  const issues: ValidationIssue[] = [];
  const bad = (path: string, message: string) => issues.push({ path, code: 'invalid_type', message });
  const r = (value ?? undefined) as Record<string, unknown> | undefined;
  if (r === undefined || typeof r !== 'object' || Array.isArray(r)) bad('', 'Expected an object.');
  else {
    if (r.id !== undefined && typeof r.id !== 'string') bad('id', 'Expected a string.');
    if (typeof r.currency !== 'string') bad('currency', 'Expected a string.');
    const customer = r.customer as Record<string, unknown> | null | undefined;
    if (customer === null || typeof customer !== 'object') bad('customer', 'Expected an object.');
    if (!Array.isArray(r.lines)) bad('lines', 'Expected an array.');
    else {
      r.lines.forEach((line: unknown, i) => {
        const l = line as Record<string, unknown> | null;
        if (l === null || typeof l !== 'object') bad(`lines[${i}]`, 'Expected an object.');
        else {
          if (typeof l.quantity !== 'number') bad(`lines[${i}].quantity`, 'Expected a number.');
          if (typeof l.unit_amount !== 'number') bad(`lines[${i}].unit_amount`, 'Expected a number.');
        }
      });
    }
  }
  if (issues.length > 0) throw new ValidationError('Tiny invoice', issues);
  return r as unknown as TinyRequest & { id?: string };
}

const SUPPORTED = new Set([
  'externalId',
  'customer.id',
  'customer.email',
  'memo',
  'metadata',
  'lines.description',
  'lines.quantity',
  'lines.unitAmount',
]);

export const tinyCapabilities: Capabilities = {
  provider: 'paid',
  creates: 'invoice',
  amountUnit: { kind: 'minor' },
  dateForm: 'none',
  operations: { create: true, get: true, list: false },
  deduplication: { kind: 'none' },
  invoice: Object.fromEntries(
    INVOICE_CAPABILITY_FIELDS.map((f) => [f, SUPPORTED.has(f) ? 'supported' : 'unsupported']),
  ) as Capabilities['invoice'],
  order: Object.fromEntries(ORDER_CAPABILITY_FIELDS.map((f) => [f, 'unsupported'])) as Capabilities['order'],
};

const TOP_HANDLED = new Set([
  'providerOptions',
  'currency',
  'customer',
  'lines',
  'externalId',
  'memo',
  'metadata',
]);
const CUSTOMER_HANDLED = new Set(['id', 'email']);
const LINE_HANDLED = new Set(['description', 'quantity', 'unitAmount', 'unitAmountDecimal']);

/** A small but honest adapter: what it cannot carry, it reports. */
export const tinyAdapter: ProviderAdapter<TinyRequest, MappingOptions> = {
  provider: 'paid',
  specificationVersion: 'v1',
  capabilities: tinyCapabilities,
  toCreateRequest(input, options) {
    const doc = parseInvoice(input);
    const w = new WarningCollector('paid');
    for (const key of Object.keys(doc)) if (!TOP_HANDLED.has(key)) w.unsupported(key);
    w.otherProvidersOptions(doc.providerOptions);
    for (const key of Object.keys(doc.customer))
      if (!CUSTOMER_HANDLED.has(key)) w.unsupported(`customer.${key}`);
    const lines = doc.lines.map((line, i) => {
      for (const key of Object.keys(line)) if (!LINE_HANDLED.has(key)) w.unsupported(`lines[${i}].${key}`);
      const quantity = toDecimal(line.quantity);
      if (quantity.scale > 0) w.unsupported(`lines[${i}].quantity`, 'Whole quantities only; rounded.');
      if (line.unitAmountDecimal !== undefined && toDecimal(line.unitAmountDecimal).scale > 0) {
        w.unsupported(`lines[${i}].unitAmountDecimal`, 'Whole minor units only; rounded.');
      }
      const unit =
        line.unitAmount ?? decimalToSafeInteger(roundDecimal(toDecimal(line.unitAmountDecimal!), 0));
      return {
        ...(line.description === undefined ? {} : { description: line.description }),
        quantity: decimalToSafeInteger(roundDecimal(quantity, 0)),
        unit_amount: unit,
      };
    });
    const request: TinyRequest = {
      ...(doc.externalId === undefined ? {} : { external_id: doc.externalId }),
      currency: doc.currency,
      customer: {
        ...(doc.customer.id === undefined ? {} : { id: doc.customer.id }),
        ...(doc.customer.email === undefined ? {} : { email: doc.customer.email }),
      },
      ...(doc.memo === undefined ? {} : { memo: doc.memo }),
      ...(doc.metadata === undefined ? {} : { metadata: doc.metadata }),
      lines,
    };
    return { request, warnings: w.finish(options?.strict) };
  },
  fromProvider(record) {
    const r = readTinyRecord(record);
    const invoice = parseInvoice({
      ...(r.id === undefined ? {} : { id: r.id, provider: 'paid' }),
      ...(r.external_id === undefined ? {} : { externalId: r.external_id }),
      currency: r.currency,
      customer: r.customer,
      ...(r.memo === undefined ? {} : { memo: r.memo }),
      ...(r.metadata === undefined ? {} : { metadata: r.metadata }),
      lines: r.lines.map((l) => ({
        ...(l.description === undefined ? {} : { description: l.description }),
        quantity: l.quantity,
        unitAmount: l.unit_amount,
      })),
    });
    return { value: invoice, warnings: [] };
  },
};

export function tinyMapError(response: TransportResponse) {
  const body = response.body as { error?: { message?: string } } | string | undefined;
  const message = typeof body === 'string' ? body : (body?.error?.message ?? `HTTP ${response.status}`);
  const retryAfter = Number(response.headers['retry-after']);
  return errorFromStatus({
    provider: 'paid',
    status: response.status,
    message,
    raw: response.body,
    ...(response.requestId === undefined ? {} : { requestId: response.requestId }),
    ...(Number.isFinite(retryAfter) ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}

/** The standard client shape over core's transport. */
export function createTinyClient(config: { apiKey: string; baseUrl: string; maxRetries?: number }) {
  const transport = createTransport({
    provider: 'paid',
    baseUrl: config.baseUrl,
    headers: { authorization: `Bearer ${config.apiKey}` },
    secrets: [config.apiKey],
    maxRetries: config.maxRetries ?? 2,
    retryBaseMs: 1,
    retryCapMs: 5,
    maxRetryAfterMs: 5,
    mapError: tinyMapError,
  });
  return {
    async create(doc: Invoice) {
      const { request, warnings } = tinyAdapter.toCreateRequest(doc);
      const response = await transport.request({
        method: 'POST',
        path: '/v1/invoices',
        body: request,
        operation: 'create',
        deduplicated: false,
        ...(request.external_id === undefined ? {} : { externalId: request.external_id }),
      });
      // An answer that cannot be read means the invoice may exist: ambiguous, never "not created".
      let record: TinyRequest & { id?: string };
      try {
        record = readTinyRecord(response.body);
        if (typeof record.id !== 'string') throw new Error('no id');
      } catch (cause) {
        throw new AmbiguousResultError(
          `paid: the create answered ${response.status} with a body that cannot be read; the invoice may exist.`,
          { method: 'POST', url: `${config.baseUrl}/v1/invoices`, body: request },
          {
            provider: 'paid',
            status: response.status,
            cause,
            ...(request.external_id === undefined ? {} : { externalId: request.external_id }),
          },
        );
      }
      const back = tinyAdapter.fromProvider(record);
      verifyCreate({
        provider: 'paid',
        createdId: record.id!,
        sent: createFacts(doc),
        stored: createFacts(back.value),
        raw: response.body,
        ...(response.requestId === undefined ? {} : { requestId: response.requestId }),
      });
      return {
        value: back.value,
        raw: response.body,
        warnings: [...warnings, ...back.warnings],
        requestWarnings: warnings,
      };
    },
    async get(id: string) {
      const response = await transport.request({
        method: 'GET',
        path: `/v1/invoices/${id}`,
        operation: 'read',
      });
      const back = tinyAdapter.fromProvider(response.body);
      return { value: back.value, raw: response.body, warnings: back.warnings };
    },
  };
}
