import {
  AuthenticationError,
  computeTotals,
  InvalidRequestError,
  type Invoice,
  instantToEpochMs,
  minorUnitExponent,
  NotFoundError,
  PermissionError,
  ProviderServerError,
  RateLimitError,
} from '@billbridge/core';
import { describeAdapterConformance } from '@billbridge/testing/conformance';
import { PELCRO_AMOUNTS } from '../src/amounts';
import { createPelcroClient, PelcroCreateRequest, pelcro } from '../src/index';
import {
  PELCRO_FAKE_CUSTOMER_ID,
  PELCRO_FAKE_MIGRATED_CUSTOMER,
  PELCRO_FAKE_SITE_ID,
  PELCRO_FAKE_SUBSCRIPTION,
  pelcroFake,
} from '../src/testing';
import error400 from './fixtures/error-400.json';
import error404 from './fixtures/error-404-validation.json';

const INT32_EPOCH_MAX_MS = 2_147_483_647_000;
const DAY_MS = 86_400_000;

/** Moves the invoice's dates back by whole days, all by the same amount, until none is past 2038-01-19. */
function withinInt32Epoch(out: Invoice): void {
  const instants = [out.period?.start, out.period?.end, out.dueAt].filter((d) => d !== undefined);
  const latest = Math.max(...instants.map(instantToEpochMs));
  if (latest <= INT32_EPOCH_MAX_MS) return;
  const shift = Math.ceil((latest - INT32_EPOCH_MAX_MS) / DAY_MS) * DAY_MS;
  const move = (instant: string) => new Date(instantToEpochMs(instant) - shift).toISOString();
  if (out.period) out.period = { start: move(out.period.start), end: move(out.period.end) };
  if (out.dueAt) out.dueAt = move(out.dueAt);
}

/** Gives generated invoices what Pelcro requires: a known customer (by id, old-provider id or both), a
 *  subscription of that customer, a due date not before the period start, int32 amounts Pelcro's unit
 *  holds exactly (whole hundredths of a three-decimal currency), int32 epoch dates and a complete
 *  tax_name/tax_rate pair. Everything else stays as generated; inexact amounts and late dates have
 *  their own tests. */
function customizeInvoice(doc: Invoice): Invoice {
  const variant = doc.lines.length % 3;
  const customer =
    variant === 0
      ? { id: String(PELCRO_FAKE_CUSTOMER_ID) }
      : variant === 1
        ? { externalId: PELCRO_FAKE_MIGRATED_CUSTOMER.old_provider_id }
        : {
            id: String(PELCRO_FAKE_MIGRATED_CUSTOMER.id),
            externalId: PELCRO_FAKE_MIGRATED_CUSTOMER.old_provider_id,
          };
  const { id: _id, externalId: _externalId, ...rest } = doc.customer;
  const out: Invoice = { ...doc, customer: { ...rest, ...customer } };
  if (doc.subscription) {
    if (variant === 0)
      out.subscription = {
        id: String(PELCRO_FAKE_SUBSCRIPTION.id),
        externalId: PELCRO_FAKE_SUBSCRIPTION.old_provider_id,
      };
    else delete out.subscription;
  }
  if (out.dueAt && out.period && instantToEpochMs(out.dueAt) < instantToEpochMs(out.period.start)) {
    out.dueAt = out.period.start;
  }
  withinInt32Epoch(out);
  // Canonical minor units per unit of Pelcro's: 10 fils per hundredth of a dinar, 1 cent per cent, and
  // 1/100 króna per hundredth; unit prices capped at 100,000 of Pelcro's units to stay inside int32.
  const shift = minorUnitExponent(doc.currency) - PELCRO_AMOUNTS.digits(doc.currency);
  const step = 10 ** Math.max(0, shift);
  const cap = 100_000 * 10 ** shift;
  out.lines = doc.lines.map((line) => {
    const copy = { ...line };
    if (copy.unitAmount !== undefined)
      copy.unitAmount = Math.ceil(Math.min(copy.unitAmount, cap) / step) * step;
    if (copy.unitAmountDecimal !== undefined && Number.parseFloat(copy.unitAmountDecimal) > cap)
      copy.unitAmountDecimal = `${cap - 1}.5`;
    if (copy.tax && (copy.tax.name === undefined) !== (copy.tax.ratePercent === undefined)) {
      copy.tax = { ...copy.tax, name: copy.tax.name ?? 'Tax', ratePercent: copy.tax.ratePercent ?? '0' };
    }
    delete copy.amount;
    return copy;
  });
  // The generated total was computed before the amounts were capped: recompute it.
  if (out.total !== undefined && out.lines.length > 0) out.total = computeTotals(out).total;
  return out;
}

describeAdapterConformance({
  adapter: pelcro,
  fake: pelcroFake,
  rejectingSeed: { apiKeys: ['eyJ-some-other-key'] },
  mappingOptions: { siteId: PELCRO_FAKE_SITE_ID },
  createClient: (baseUrl, { apiKey, maxRetries }) =>
    createPelcroClient({ apiKey, baseUrl, maxRetries, siteId: PELCRO_FAKE_SITE_ID }),
  customizeInvoice,
  requestSchema: PelcroCreateRequest,
  documentedErrors: [
    { name: '400 errors map', status: 400, body: error400, expected: InvalidRequestError },
    { name: '404 errors map (validation)', status: 404, body: error404, expected: InvalidRequestError },
    { name: '422 errors map', status: 422, body: error400, expected: InvalidRequestError },
    { name: '404 not found', status: 404, body: { message: 'Invoice not found.' }, expected: NotFoundError },
    { status: 401, body: { message: 'Unauthenticated.' }, expected: AuthenticationError },
    { status: 403, body: { message: 'This action is unauthorized.' }, expected: PermissionError },
    {
      status: 429,
      body: { message: 'Too Many Attempts.' },
      headers: { 'retry-after': '2' },
      expected: RateLimitError,
    },
    { status: 500, body: { message: 'Server Error' }, expected: ProviderServerError },
  ],
});
