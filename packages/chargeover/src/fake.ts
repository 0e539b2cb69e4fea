/**
 * A ChargeOver v3 account on localhost, for `@billbridge/testing`'s `startFake(chargeoverFake)`:
 * Basic auth, the `{ code, status, message, details, response }` envelope, `POST /api/v3/invoice` with
 * the documented rules (one existing customer, at least one line, existing item ids, unique
 * external_key), `201` + `Location`, `GET /api/v3/invoice/{id}` and the query endpoint.
 */
import {
  addDecimal,
  compareDecimal,
  dateOnlyToInstant,
  decimalToExactNumber,
  type ExactDecimal,
  formatPath,
  instantToDateOnly,
  instantToNaive,
  minorUnitExponent,
  multiplyDecimal,
  naiveToInstant,
  roundDecimal,
  toDecimal,
} from '@billbridge/core';
import type { FakeDefinition, FakeRequest, FakeResponse } from '@billbridge/testing';
import { CURRENCY_PATH } from './currencies';
import { instantToOffsetDateTime } from './datetimes';
import {
  type ChargeOverFakeSeed,
  DEFAULT_CURRENCY_ID,
  DEFAULT_CURRENCY_IDS,
  DEFAULT_CUSTOMERS,
  DEFAULT_ITEMS,
  DEFAULT_TERMS,
  DEFAULT_TERMS_ID,
  type FakeCustomer,
  type FakeItem,
  type FakeTerms,
} from './fake-data';
import { matches, orderBy, parseWhere, QueryError, type Row } from './fake-query';
import { chargeoverFakeWebhooks } from './fake-webhooks';
import { DEFAULT_TIME_ZONE } from './options';
import { UNCONFIRMED } from './unconfirmed';
import { InvoiceCreateBody } from './wire';

export interface ChargeOverFakeState {
  apiKeys?: string[];
  customers: FakeCustomer[];
  items: Map<number, FakeItem>;
  /** currency_id → ISO code */
  currencies: Map<number, string>;
  /** ISO code → the account's rounding, where it differs from ISO 4217. */
  currencyRounding: Record<string, number>;
  /** Misbehaviour: store invoices asked for in the key's currency in the value's. */
  storeCurrencyAs: Record<string, string>;
  terms: Map<number, FakeTerms>;
  timeZone: string;
  datetimeFormat: 'iso8601' | 'naive';
  stringIds: boolean;
  externalKeyPath: boolean;
  duplicateKeyMessage?: string;
  fractionalQuantity: boolean;
  subRoundingRates: boolean;
  now: () => number;
  invoices: Row[];
  /** Indexes over `invoices`, so a large migration into the fake stays linear. */
  byId: Map<number, Row>;
  byExternalKey: Map<string, Row>;
  nextInvoiceId: number;
  nextLineItemId: number;
}

/** The documented 401 body (card §2, §7). */
export const MISSING_AUTH_BODY = {
  code: 401,
  status: 'Error',
  message: 'Invalid or incorrect authorization [Missing (basic) authorization header.]',
  details: {},
  response: false,
} as const;

const BASE = '/api/v3/invoice';
const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 10;

/** The fake's wording for a taken external_key (ChargeOver's own wording is undocumented). */
export function duplicateExternalKeyMessage(externalKey: string): string {
  return `Another invoice already exists with external_key "${externalKey}".`;
}

function envelope(code: number, response: unknown, headers?: Record<string, string>): FakeResponse {
  const answer: FakeResponse = {
    status: code,
    body: { code, status: 'OK', message: '', details: {}, response },
  };
  if (headers) answer.headers = headers;
  return answer;
}

function error(status: number, message: string): FakeResponse {
  return { status, body: { code: status, status: 'Error', message, details: {}, response: false } };
}

function createState(seed: ChargeOverFakeSeed = {}): ChargeOverFakeState {
  const items = (seed.items ?? DEFAULT_ITEMS).map((item) =>
    typeof item === 'number' ? { item_id: item, name: `Item ${item}` } : item,
  );
  const state: ChargeOverFakeState = {
    customers: (seed.customers ?? DEFAULT_CUSTOMERS).map((c) => ({ ...c })),
    items: new Map(items.map((item) => [item.item_id, item])),
    currencies: new Map(
      Object.entries(seed.currencyIds ?? DEFAULT_CURRENCY_IDS).map(([code, id]) => [id, code]),
    ),
    currencyRounding: { ...seed.currencyRounding },
    storeCurrencyAs: { ...seed.storeCurrencyAs },
    terms: new Map((seed.terms ?? DEFAULT_TERMS).map((t) => [t.terms_id, t])),
    timeZone: seed.timeZone ?? DEFAULT_TIME_ZONE,
    datetimeFormat: seed.datetimeFormat ?? 'iso8601',
    stringIds: seed.stringIds ?? false,
    externalKeyPath: seed.externalKeyPath ?? true,
    fractionalQuantity: seed.fractionalQuantity ?? true,
    subRoundingRates: seed.subRoundingRates ?? true,
    now: seed.now ?? Date.now,
    invoices: [],
    byId: new Map(),
    byExternalKey: new Map(),
    nextInvoiceId: 10_000,
    nextLineItemId: 2_561,
  };
  if (seed.apiKeys) state.apiKeys = [...seed.apiKeys];
  if (seed.duplicateKeyMessage !== undefined) state.duplicateKeyMessage = seed.duplicateKeyMessage;
  return state;
}

function authenticate(req: FakeRequest, state: ChargeOverFakeState): FakeResponse | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match) return { status: 401, body: { ...MISSING_AUTH_BODY } };
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const wellFormed = colon > 0 && colon < decoded.length - 1;
  if (!wellFormed || (state.apiKeys && !state.apiKeys.includes(decoded))) {
    return error(401, 'Invalid or incorrect authorization [Invalid (basic) authorization credentials.]');
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------- create

function findCustomer(state: ChargeOverFakeState, body: Row): FakeCustomer | undefined {
  if (typeof body.customer_id === 'number')
    return state.customers.find((c) => c.customer_id === body.customer_id);
  if (typeof body.customer_token === 'string')
    return state.customers.find((c) => c.token === body.customer_token);
  return state.customers.find(
    (c) => c.external_key !== undefined && c.external_key === body.customer_external_key,
  );
}

function create(req: FakeRequest, state: ChargeOverFakeState): FakeResponse {
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    return error(400, 'A required parameter was missing: No data.');
  }
  const parsed = InvoiceCreateBody.safeParse(req.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return error(400, `Missing or invalid parameter: ${formatPath(issue.path) || 'body'} (${issue.message})`);
  }
  const body = parsed.data as Row & { line_items: Row[] };
  const customer = findCustomer(state, body);
  if (!customer) return error(400, 'The customer you specified does not exist.');
  for (const [i, line] of body.line_items.entries()) {
    if (!state.items.has(line.item_id as number)) {
      return error(400, `Line item #${i + 1}: item_id ${line.item_id} does not exist.`);
    }
  }
  let currencyId = (body.currency_id as number | undefined) ?? DEFAULT_CURRENCY_ID;
  let currency = state.currencies.get(currencyId);
  if (!currency) return error(400, `Invalid currency_id ${currencyId}.`);
  const misstored = state.storeCurrencyAs[currency];
  if (misstored !== undefined) {
    currency = misstored;
    currencyId = [...state.currencies].find(([, code]) => code === misstored)?.[0] ?? currencyId;
  }
  for (const [i, line] of body.line_items.entries()) {
    const quantity = line.line_quantity as number | undefined;
    if (!state.fractionalQuantity && quantity !== undefined && !Number.isInteger(quantity))
      return error(400, `Line item #${i + 1}: line_quantity must be a whole number.`);
    const rate = line.line_rate as number | undefined;
    if (
      !state.subRoundingRates &&
      rate !== undefined &&
      compareDecimal(roundDecimal(toDecimal(rate), roundingOf(state, currency)), toDecimal(rate)) !== 0
    )
      return error(400, `Line item #${i + 1}: line_rate has more decimals than ${currency} allows.`);
  }
  const termsId = (body.terms_id as number | undefined) ?? DEFAULT_TERMS_ID;
  const terms = state.terms.get(termsId);
  if (!terms) return error(400, `Invalid terms_id ${termsId}.`);
  const externalKey = body.external_key as string | undefined;
  if (externalKey !== undefined && state.byExternalKey.has(externalKey)) {
    return error(400, state.duplicateKeyMessage ?? duplicateExternalKeyMessage(externalKey));
  }
  const record = buildRecord(state, body, customer, currencyId, currency, terms);
  state.invoices.push(record);
  state.byId.set(record.invoice_id as number, record);
  if (externalKey !== undefined) state.byExternalKey.set(externalKey, record);
  const host = req.headers.host ?? '127.0.0.1';
  return envelope(201, { id: record.invoice_id }, { location: `http://${host}${BASE}/${record.invoice_id}` });
}

function buildRecord(
  state: ChargeOverFakeState,
  body: Row & { line_items: Row[] },
  customer: FakeCustomer,
  currencyId: number,
  currency: string,
  terms: FakeTerms,
): Row {
  const id = state.nextInvoiceId++;
  const nowIso = new Date(state.now()).toISOString();
  const date = (body.date as string | undefined) ?? instantToDateOnly(nowIso, state.timeZone);
  const due = new Date(Date.parse(dateOnlyToInstant(date, 'UTC')) + terms.days * 86_400_000).toISOString();
  const naiveNow = instantToNaive(nowIso, state.timeZone);
  const exponent = roundingOf(state, currency);
  let subtotal: ExactDecimal = toDecimal(0);
  const lines = body.line_items.map((line) => {
    const rate = toDecimal((line.line_rate as number | undefined) ?? 0);
    const quantity = toDecimal((line.line_quantity as number | undefined) ?? 1);
    // Each line is rounded to the currency once, half away from zero, then summed.
    subtotal = addDecimal(subtotal, roundDecimal(multiplyDecimal(rate, quantity), exponent));
    const paycycle = line.paycycle as string | undefined;
    // Keys in ChargeOver's own order (CO32 in CONTRACT.md), as the recorded answers list them.
    return {
      invoice_id: id,
      item_id: line.item_id,
      tierset_id: null,
      descrip: (line.descrip as string | undefined) ?? null,
      line_rate: decimalToExactNumber(rate),
      line_quantity: decimalToExactNumber(quantity),
      line_usage: 0,
      is_base: false,
      is_free: rate.coefficient === 0n,
      is_setup: false,
      is_usage: false,
      is_recurring: paycycle !== undefined && paycycle !== 'one',
      is_taxed: '0',
      ...(paycycle ? { paycycle } : {}),
      ...customs(line, 10),
      line_item_id: state.nextLineItemId++,
      package_line_id: null,
    };
  });
  const total = decimalToExactNumber(subtotal);
  const address = (prefix: string) =>
    Object.fromEntries(
      ['addr1', 'addr2', 'addr3', 'city', 'state', 'postcode', 'country', 'notes'].map((k) => [
        `${prefix}_${k}`,
        (body[`${prefix}_${k}`] as string | undefined) ?? null,
      ]),
    );
  const token = tokenFor(id);
  // Keys in ChargeOver's own order (CO32 in CONTRACT.md): its get-a-specific-invoice example.
  return {
    invoice_id: id,
    currency_id: currencyId,
    brand_id: 1,
    terms_id: terms.terms_id,
    admin_id: (body.admin_id as number | undefined) ?? null,
    external_key: externalKeyOf(body),
    token,
    refnumber: (body.refnumber as string | undefined) ?? String(id),
    ...address('bill'),
    ...address('ship'),
    memo: (body.memo as string | undefined) ?? null,
    ...customs(body, 20),
    write_datetime: naiveNow,
    mod_datetime: naiveNow,
    void_datetime: null,
    currency_symbol: currencySymbol(currency),
    currency_iso4217: currency,
    class_id: (body.class_id as number | undefined) ?? null,
    paycycle: (body.paycycle as string | undefined) ?? null,
    invoice_status_name: 'Unpaid',
    invoice_status_str: 'open-unpaid',
    invoice_status_state: 'o',
    subtotal: total,
    total,
    taxes: 0,
    credits: 0,
    payments: 0,
    writeoffs: 0,
    declines: 0,
    applied: 0,
    is_paid: false,
    paid_date: null,
    balance: total,
    is_void: false,
    due_date: due.slice(0, 10),
    terms_name: terms.name,
    terms_days: terms.days,
    days_overdue: 0,
    is_overdue: false,
    date,
    url_permalink: `/r/invoice/view/${token}`,
    url_paylink: `/r/trans/pay/${token}`,
    url_pdflink: `/r/invoice/pdf/${token}`,
    package_id: null,
    customer_id: customer.customer_id,
    line_items: lines,
  };
}

/** The account's decimals for a currency: its `rounding`, else ISO 4217's. */
function roundingOf(state: ChargeOverFakeState, currency: string): number {
  return Object.hasOwn(state.currencyRounding, currency)
    ? (state.currencyRounding[currency] as number)
    : minorUnitExponent(currency);
}

function externalKeyOf(body: Row): string | null {
  return (body.external_key as string | undefined) ?? null;
}

function customs(source: Row, count: number): Row {
  const out: Row = {};
  for (let n = 1; n <= count; n += 1)
    out[`custom_${n}`] = (source[`custom_${n}`] as string | undefined) ?? null;
  return out;
}

/** 12 lower-case alphanumerics, derived from the id so runs are reproducible. */
function tokenFor(id: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let x = id * 2_654_435_761;
  let out = '';
  for (let i = 0; i < 12; i += 1) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

// --------------------------------------------------------------------------------------------- read

const ID_FIELDS = [
  'invoice_id',
  'customer_id',
  'currency_id',
  'brand_id',
  'terms_id',
  'admin_id',
  'class_id',
  'package_id',
] as const;
const LINE_ID_FIELDS = ['line_item_id', 'invoice_id', 'item_id', 'tierset_id', 'package_line_id'] as const;
const DATETIME_FIELDS = ['write_datetime', 'mod_datetime', 'void_datetime'] as const;

/** A stored record as this account answers it: date-times and ids in the configured forms. */
function present(record: Row, state: ChargeOverFakeState): Row {
  if (state.datetimeFormat === 'naive' && !state.stringIds) return record;
  const out: Row = { ...record };
  if (state.datetimeFormat === 'iso8601') {
    for (const field of DATETIME_FIELDS) {
      const value = out[field];
      if (typeof value === 'string')
        out[field] = instantToOffsetDateTime(naiveToInstant(value, state.timeZone), state.timeZone);
    }
  }
  if (state.stringIds) {
    stringifyIds(out, ID_FIELDS);
    if (Array.isArray(out.line_items))
      out.line_items = out.line_items.map((line: Row) => stringifyIds({ ...line }, LINE_ID_FIELDS));
  }
  return out;
}

function stringifyIds(row: Row, fields: readonly string[]): Row {
  for (const field of fields) if (typeof row[field] === 'number') row[field] = String(row[field]);
  return row;
}

function getOne(req: FakeRequest, state: ChargeOverFakeState): FakeResponse {
  const id = req.params.id ?? '';
  let record: Row | undefined;
  if (/^\d+$/.test(id)) record = state.byId.get(Number(id));
  else if (state.externalKeyPath && id.startsWith('external_key:'))
    record = state.byExternalKey.get(id.slice('external_key:'.length));
  else if (id.startsWith('token:')) record = state.invoices.find((r) => r.token === id.slice(6));
  if (!record) return error(404, UNCONFIRMED.notFoundMessage);
  return envelope(200, present(record, state));
}

/** `GET /api/v3/currency`: the account's currency table (chargeover_csharp `Models/Currency.cs`). */
function currencies(_req: FakeRequest, state: ChargeOverFakeState): FakeResponse {
  const names = new Intl.DisplayNames('en', { type: 'currency' });
  const rows = [...state.currencies].map(([id, code]) => ({
    currency_id: state.stringIds ? String(id) : id,
    currency: names.of(code) ?? code,
    iso4217: code,
    symbol: currencySymbol(code),
    rounding: roundingOf(state, code),
  }));
  return envelope(200, rows);
}

function query(req: FakeRequest, state: ChargeOverFakeState): FakeResponse {
  try {
    const conditions = parseWhere(req.query.get('where'));
    const limit = intParam(req.query.get('limit'), DEFAULT_LIMIT);
    const offset = intParam(req.query.get('offset'), 0);
    if (limit < 1 || limit > MAX_LIMIT) throw new QueryError(`limit must be 1 to ${MAX_LIMIT}.`);
    const rows = orderBy(
      state.invoices.filter((row) => matches(row, conditions)),
      req.query.get('order') ?? 'invoice_id:ASC',
    );
    // Query rows omit line items (card §12).
    const page = rows
      .slice(offset, offset + limit)
      .map(({ line_items: _lines, ...row }) => present(row, state));
    return envelope(200, page);
  } catch (cause) {
    if (cause instanceof QueryError) return error(400, cause.message);
    throw cause;
  }
}

function intParam(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new QueryError(`"${value}" is not a whole number.`);
  return Number(value);
}

export const chargeoverFake: FakeDefinition<ChargeOverFakeState, ChargeOverFakeSeed> = {
  provider: 'chargeover',
  createState,
  authenticate,
  webhooks: chargeoverFakeWebhooks,
  routes: [
    { method: 'POST', path: BASE, creates: true, handle: create },
    { method: 'GET', path: `${BASE}/:id`, handle: getOne },
    { method: 'GET', path: BASE, handle: query },
    { method: 'GET', path: CURRENCY_PATH, handle: currencies },
  ],
  records: (state) => state.invoices,
  errorResponse: error,
};
