/**
 * Pelcro Core's invoice endpoints on localhost, for `startFake(pelcroFake)`: Bearer auth, `site_id` on
 * every call, the documented create rules (fake-rules.ts), reference checks against the site's customers,
 * subscriptions and addresses, in-memory storage, and Pelcro's shapes: the invoice object with amounts
 * in cents, `created` as an ISO string with microseconds, periods as epoch seconds; `{ errors }` bodies
 * on 400 and, as Pelcro's docs show, on 404 for unknown references.
 */
import type { FakeDefinition, FakeRequest, FakeResponse } from '@billbridge/testing';
import {
  defaultSites,
  type PelcroFakeAddress,
  type PelcroFakeCustomer,
  type PelcroFakeSite,
  type PelcroFakeSubscription,
} from './fake-data';
import { type FieldErrors, validateCreateBody } from './fake-rules';
import { pelcroFakeWebhooks } from './fake-webhooks';
import {
  type ImportedFlagName,
  INT32_MAX,
  INT32_MIN,
  INVOICES_PATH,
  LIST_DEFAULT_LIMIT,
  LIST_MAX_LIMIT,
  READINGS,
} from './options';
import { itemAmount, itemsTotal, itemTax } from './totals';

export interface PelcroFakeSeed {
  /** Accepted API keys; unset accepts any well-formed Bearer token. */
  apiKeys?: string[];
  /** Replaces the default data set (site 1234, customer 987654, …). */
  sites?: PelcroFakeSite[];
  /** Wrap single invoices in `{ data }` (default) or answer them bare: the card allows both. */
  envelope?: 'data' | 'bare';
  /** First invoice id (default 100001). */
  firstInvoiceId?: number;
  /**
   * The name the fake reads and answers the imported flag under (default the adapter's reading,
   * `is_imported`); `'imported'` is the other reading, under which the adapter's flag goes unread.
   */
  importedFlag?: ImportedFlagName;
  /** List answers carry `links` and `meta` as the pagination page shows (default), or `data` alone. */
  listMeta?: boolean;
}

export interface PelcroFakeState {
  apiKeys?: string[];
  sites: Map<number, PelcroFakeSite>;
  invoices: Array<Record<string, unknown>>;
  nextInvoiceId: number;
  envelope: 'data' | 'bare';
  importedFlag: ImportedFlagName;
  listMeta: boolean;
}

type Body = Record<string, unknown>;

const json = (status: number, body: unknown): FakeResponse => ({ status, body });
const invalid = (status: 400 | 404, errors: FieldErrors): FakeResponse =>
  json(status, { message: 'The given data was invalid.', errors });

/** Pelcro's `created`: ISO 8601 with microseconds, as in its invoice webhooks. */
function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function siteOf(req: FakeRequest, state: PelcroFakeState): PelcroFakeSite | FakeResponse {
  const raw = req.query.get('site_id');
  if (raw === null || raw === '') return invalid(400, { site_id: ['The site id field is required.'] });
  if (!/^\d+$/.test(raw) || Number(raw) > INT32_MAX)
    return invalid(400, { site_id: ['The site id must be an integer.'] });
  const site = state.sites.get(Number(raw));
  return site ?? json(404, { message: 'Site not found.' });
}

function isResponse(value: unknown): value is FakeResponse {
  return value !== null && typeof value === 'object' && 'status' in value && typeof value.status === 'number';
}

function wrap(state: PelcroFakeState, invoice: unknown): unknown {
  return state.envelope === 'data' ? { data: invoice } : invoice;
}

interface References {
  customer: PelcroFakeCustomer;
  subscription?: PelcroFakeSubscription;
  billing?: PelcroFakeAddress;
  shipping?: PelcroFakeAddress;
}

/** Both ids given must name the same record; unknown references answer 404 with an `errors` map. */
function findByIds<T extends { id: number; old_provider_id?: string }>(
  records: T[],
  body: Body,
  idField: string,
  oldField: string,
): T | FakeResponse | undefined {
  const id = body[idField];
  const oldId = body[oldField];
  const byId = id === undefined || id === null ? undefined : records.find((r) => r.id === id);
  const byOld =
    oldId === undefined || oldId === null ? undefined : records.find((r) => r.old_provider_id === oldId);
  if (id != null && !byId)
    return invalid(404, { [idField]: [`The selected ${idField.replace(/_/g, ' ')} is invalid.`] });
  if (oldId != null && !byOld)
    return invalid(404, { [oldField]: [`The selected ${oldField.replace(/_/g, ' ')} is invalid.`] });
  if (byId && byOld && byId !== byOld) {
    return invalid(400, {
      [oldField]: [`The ${oldField.replace(/_/g, ' ')} does not match the ${idField.replace(/_/g, ' ')}.`],
    });
  }
  return byId ?? byOld;
}

function resolveReferences(site: PelcroFakeSite, body: Body): References | FakeResponse {
  const customer = findByIds(site.customers, body, 'customer_id', 'customer_old_provider_id');
  if (isResponse(customer)) return customer;
  if (!customer) return invalid(400, { customer_id: ['The customer id field is required.'] });
  if (customer.currency !== undefined && customer.currency !== body.currency) {
    return invalid(400, {
      currency: [`The currency must match the customer's currency (${customer.currency}).`],
    });
  }
  const refs: References = { customer };
  const subscription = findByIds(site.subscriptions, body, 'subscription_id', 'subscription_old_provider_id');
  if (isResponse(subscription)) return subscription;
  if (subscription) {
    if (subscription.customer_id !== customer.id) {
      return invalid(400, { subscription_id: ['The subscription does not belong to the customer.'] });
    }
    refs.subscription = subscription;
  }
  for (const [field, type] of [
    ['billing_address_id', 'billing'],
    ['shipping_address_id', 'shipping'],
  ] as const) {
    const id = body[field];
    if (id === undefined || id === null) continue;
    const address = site.addresses.find(
      (a) => a.id === id && a.type === type && a.customer_id === customer.id,
    );
    if (!address) return invalid(404, { [field]: [`The selected ${field.replace(/_/g, ' ')} is invalid.`] });
    refs[type] = address;
  }
  return refs;
}

function addressOut(address: PelcroFakeAddress | Body | undefined): Body | null {
  if (!address) return null;
  const { customer_id: _owner, type: _type, ...rest } = address as Body;
  return rest;
}

function storeInvoice(state: PelcroFakeState, site: PelcroFakeSite, body: Body, refs: References): Body {
  const items =
    Array.isArray(body.line_items) && body.line_items.length > 0 ? (body.line_items as Body[]) : undefined;
  const priced = items?.map((item) => ({
    unit_price: item.unit_price as number,
    quantity: item.quantity as number,
    tax_rate: (item.tax_rate as number | undefined) ?? null,
  }));
  const totals = priced
    ? itemsTotal(priced)
    : { subtotal: body.total as number, tax: 0, total: body.total as number };
  const status = (body.status as string | undefined) ?? 'draft';
  const paid = status === 'paid' ? totals.total : 0;
  const now = isoMicros(Date.now());
  const { customer, subscription } = refs;
  const invoice: Body = {
    object: 'invoice',
    id: state.nextInvoiceId++,
    site_id: site.id,
    status,
    billing_reason: body.billing_reason ?? 'manual',
    currency: body.currency,
    old_provider_id: body.old_provider_id ?? null,
    customer: {
      id: customer.id,
      email: customer.email ?? null,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      old_provider_id: customer.old_provider_id ?? null,
    },
    subscription_id: subscription?.id ?? null,
    subscription_old_provider_id: subscription?.old_provider_id ?? null,
    line_items:
      items?.map((item, i) => ({
        description: item.description ?? null,
        unit_price: item.unit_price,
        quantity: item.quantity,
        tax_name: item.tax_name ?? null,
        tax_rate: item.tax_rate ?? null,
        amount: itemAmount(priced![i]!),
        tax: itemTax(priced![i]!),
      })) ?? [],
    subtotal: totals.subtotal,
    tax: totals.tax,
    total: totals.total,
    amount_due: totals.total,
    amount_paid: paid,
    amount_remaining: totals.total - paid,
    auto_advance: false,
    billing: 'send_invoice',
    period_start: body.period_start ?? null,
    period_end: body.period_end ?? null,
    due_date: body.due_date ?? null,
    created: now,
    created_at: now,
    updated_at: now,
    address_billing: refs.billing
      ? addressOut(refs.billing)
      : addressOut(body.customer_address as Body | undefined),
    address_shipping: refs.shipping
      ? addressOut(refs.shipping)
      : addressOut(body.customer_shipping as Body | undefined),
    billing_address_id: body.billing_address_id ?? null,
    shipping_address_id: body.shipping_address_id ?? null,
    // Under the other reading, the adapter's flag is an unknown field: ignored, as Laravel ignores it.
    [state.importedFlag]: (body[state.importedFlag] ?? false) as boolean,
    metadata: body.metadata ?? null,
    footer: body.footer ?? null,
    purchase_order: body.purchase_order ?? null,
    [READINGS.shipmentsOverride]: body[READINGS.shipmentsOverride] ?? null,
    charge_id: null,
  };
  invoice.invoice_pdf = `https://www.pelcro.com/invoices/${String(invoice.id)}.pdf`;
  state.invoices.push(invoice);
  return invoice;
}

function createInvoice(req: FakeRequest, state: PelcroFakeState): FakeResponse {
  const site = siteOf(req, state);
  if (isResponse(site)) return site;
  const body: Body =
    req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Body) : {};
  const currencies = new Set(site.currencies ?? []);
  const errors = validateCreateBody(body, { currencies, importedFlag: state.importedFlag });
  if (Object.keys(errors).length > 0) return invalid(400, errors);
  if (Array.isArray(body.line_items) && body.line_items.length > 0) {
    const total = itemsTotal(
      body.line_items as Array<{ unit_price: number; quantity: number; tax_rate?: number }>,
    ).total;
    if (total > INT32_MAX || total < INT32_MIN) {
      return invalid(400, {
        total: [`The invoice total ${total} must be between ${INT32_MIN} and ${INT32_MAX}.`],
      });
    }
  }
  const refs = resolveReferences(site, body);
  if (isResponse(refs)) return refs;
  return json(201, wrap(state, storeInvoice(state, site, body, refs)));
}

function getInvoice(req: FakeRequest, state: PelcroFakeState): FakeResponse {
  const site = siteOf(req, state);
  if (isResponse(site)) return site;
  const invoice = state.invoices.find((i) => String(i.id) === req.params.id && i.site_id === site.id);
  if (!invoice) return json(404, { message: `Invoice ${req.params.id ?? ''} not found.` });
  return json(200, wrap(state, invoice));
}

/**
 * `GET /invoices?page=&limit=`: 10 per page by default, 100 at most (docs.pelcro.com
 * "api-core-pagination-limits"). Parameters the page does not document (`per_page`, filters) are ignored.
 */
function listInvoices(req: FakeRequest, state: PelcroFakeState): FakeResponse {
  const site = siteOf(req, state);
  if (isResponse(site)) return site;
  const page = Math.max(1, Number.parseInt(req.query.get('page') ?? '1', 10) || 1);
  const asked = Number.parseInt(req.query.get('limit') ?? '', 10);
  const limit = Math.min(LIST_MAX_LIMIT, asked >= 1 ? asked : LIST_DEFAULT_LIMIT);
  const all = state.invoices.filter((i) => i.site_id === site.id);
  const lastPage = Math.max(1, Math.ceil(all.length / limit));
  const data = all.slice((page - 1) * limit, page * limit);
  if (!state.listMeta) return json(200, { data });
  const url = (n: number) => `https://www.pelcro.com${INVOICES_PATH}?page=${n}`;
  return json(200, {
    data,
    links: {
      first: url(1),
      last: url(lastPage),
      prev: page > 1 ? url(page - 1) : null,
      next: page < lastPage ? url(page + 1) : null,
    },
    meta: {
      current_page: page,
      from: data.length > 0 ? (page - 1) * limit + 1 : null,
      last_page: lastPage,
      path: `https://www.pelcro.com${INVOICES_PATH}`,
      per_page: limit,
      to: data.length > 0 ? (page - 1) * limit + data.length : null,
      total: all.length,
    },
  });
}

const BEARER = /^Bearer\s+(\S+)$/;

export const pelcroFake: FakeDefinition<PelcroFakeState, PelcroFakeSeed> = {
  provider: 'pelcro',
  createState(seed = {}) {
    const sites = seed.sites ?? defaultSites();
    const state: PelcroFakeState = {
      sites: new Map(sites.map((site) => [site.id, site])),
      invoices: [],
      nextInvoiceId: seed.firstInvoiceId ?? 100001,
      envelope: seed.envelope ?? 'data',
      importedFlag: seed.importedFlag ?? READINGS.importedFlag,
      listMeta: seed.listMeta ?? true,
    };
    if (seed.apiKeys) state.apiKeys = seed.apiKeys;
    return state;
  },
  authenticate(req, state) {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined) return json(401, { message: 'Unauthenticated.' });
    if (state.apiKeys && !state.apiKeys.includes(token)) return json(401, { message: 'Unauthenticated.' });
    return undefined;
  },
  webhooks: pelcroFakeWebhooks,
  routes: [
    { method: 'POST', path: INVOICES_PATH, creates: true, handle: createInvoice },
    { method: 'GET', path: INVOICES_PATH, handle: listInvoices },
    { method: 'GET', path: `${INVOICES_PATH}/:id`, handle: getInvoice },
  ],
  records: (state) => state.invoices,
  errorResponse: (status, message) => json(status, { message }),
};
