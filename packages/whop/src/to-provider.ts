/**
 * Canonical Invoice (or Order, through core's documented conversion) → Whop `POST /invoices` body.
 * Pure. Whop bills one product on one plan whose price must equal the line items' sum; both are built in
 * to-provider-plan.ts, which refuses lines that cannot make an exact price. Customer, collection and
 * the Whop-only options are mapped here, and the result is checked against Whop's rules before it is
 * returned, so nothing Whop would reject is ever sent.
 */
import {
  type CreateFacts,
  type CreateRequestResult,
  FULL_SELF_CHECK,
  type Invoice,
  type InvoiceInput,
  lineAmount,
  MissingRequiredFieldError,
  type Order,
  type OrderInput,
  orderToInvoice,
  parseDocument,
  parseWith,
  ValidationError,
  WarningCollector,
} from '@billbridge/core';
import { toWhopCurrency, toWhopDateTime } from './convert';
import { fastReadProviderOptions } from './fast-options';
import { isPlainCreateRequest } from './fast-request';
import { type WhopMappingOptions, WhopProviderOptions } from './options';
import { addProduct, mapLines, mapPlan } from './to-provider-plan';
import {
  createRequestIssues,
  InvoiceCreateRequest,
  type WhopBillingAddress,
  type WhopInvoiceCreateRequest,
} from './wire';

/** What an invoice without `providerOptions.whop` maps with (shared, never written to). */
const NO_OPTIONS: WhopProviderOptions = Object.freeze({});

export function toWhopCreateRequest(
  doc: Invoice | Order | InvoiceInput | OrderInput,
  options: WhopMappingOptions = {},
): CreateRequestResult<WhopInvoiceCreateRequest> {
  const { request, warnings } = mapToWhop(doc, options);
  return { request, warnings };
}

/** What the client needs besides the request: the canonical invoice it came from and the plan price sent. */
export interface WhopMapped extends CreateRequestResult<WhopInvoiceCreateRequest> {
  invoice: Invoice;
  /** The plan price sent, in minor units: the lines' exact sum, or the total when there are no lines. */
  priceMinor: number;
}

/**
 * The facts of what the request asks Whop to store (for `verifyCreate`), computed from the canonical
 * invoice and the plan price instead of mapping the request back: the same currency, one line item per
 * line with the line's amount, and the plan price as the total (tax and a differing total are not sent).
 * A property test checks them against `createFacts(fromWhopCreateRequest(request))`.
 */
export function sentFacts({ invoice, priceMinor }: Pick<WhopMapped, 'invoice' | 'priceMinor'>): CreateFacts {
  const lines = invoice.lines;
  const lineAmounts = new Array<number>(lines.length);
  for (let i = 0; i < lines.length; i++) lineAmounts[i] = lineAmount(lines[i] as Invoice['lines'][number]);
  return { currency: invoice.currency, lineCount: lines.length, lineAmounts, total: priceMinor };
}

/** toWhopCreateRequest, keeping the canonical invoice and the plan price for the client. */
export function mapToWhop(
  doc: Invoice | Order | InvoiceInput | OrderInput,
  options: WhopMappingOptions = {},
): WhopMapped {
  const w = new WarningCollector('whop');
  const parsed = parseDocument(doc);
  let invoice: Invoice;
  if (parsed.kind === 'order') {
    const converted = orderToInvoice(parsed.value);
    w.warnings.push(...converted.warnings);
    invoice = converted.value;
  } else {
    invoice = parsed.value;
  }

  if (!options.companyId) {
    throw new MissingRequiredFieldError(
      'whop',
      'company_id',
      'Whop needs the issuing company (biz_…); it is configuration, not part of the invoice.',
      'companyId',
    );
  }
  // No Whop options (the usual case) parse to an empty object; the schema runs only on what was given.
  const given = invoice.providerOptions?.whop;
  const whop: WhopProviderOptions =
    given === undefined
      ? NO_OPTIONS
      : (fastReadProviderOptions(given) ?? parseWith(WhopProviderOptions, given, 'providerOptions.whop'));
  if (invoice.providerOptions !== undefined) w.otherProvidersOptions(invoice.providerOptions);

  const currency = toWhopCurrency(invoice.currency);
  if (!currency) {
    throw new ValidationError('Invoice for Whop', [
      {
        path: 'currency',
        code: 'unsupported_currency',
        message: `Whop does not bill in ${invoice.currency}.`,
      },
    ]);
  }

  const { lineItems, priceMinor } = mapLines(invoice, currency, w);
  const plan = mapPlan(invoice, currency, priceMinor, whop.trialPeriodDays, w);
  const draft = isDraft(invoice, whop.saveAsDraft, w);

  // Built by assignment in the order of the wire (no spreads or merged partial objects: the hot path).
  const body: Record<string, unknown> = {
    collection_method: invoice.collection?.method ?? 'send_invoice',
    company_id: options.companyId,
    plan,
  };
  addProduct(body, invoice, whop, w);
  if (!invoice.collection) {
    w.defaulted(
      'collection.method',
      'No collection method given: the invoice is sent to the customer (send_invoice).',
    );
  }
  if (lineItems) body.line_items = lineItems;
  addCustomer(body, invoice, whop, draft, w);
  addCollection(body, invoice, draft, w);
  if (draft !== undefined) body.save_as_draft = draft;
  if (whop.chargeBuyerFee !== undefined) body.charge_buyer_fee = whop.chargeBuyerFee;
  if (whop.subscriptionBillingAnchorAt !== undefined) {
    body.subscription_billing_anchor_at = toWhopDateTime(whop.subscriptionBillingAnchorAt);
  }
  if (whop.paymentTokenId !== undefined) body.payment_token_id = whop.paymentTokenId;
  warnUnsupportedInvoiceFields(invoice, w);

  const request = checkOwnOutput(body);
  return { request, warnings: w.finish(options.strict), invoice, priceMinor };
}

/** `status: "draft"` (or providerOptions.whop.saveAsDraft) saves a draft; `open` says so explicitly. */
function isDraft(
  invoice: Invoice,
  saveAsDraft: boolean | undefined,
  w: WarningCollector,
): boolean | undefined {
  const status = invoice.status;
  if (status === 'draft' || saveAsDraft === true) {
    if (status !== undefined && status !== 'draft') {
      throw new ValidationError('Invoice for Whop', [
        {
          path: 'status',
          code: 'conflict',
          message: `status is "${status}" but providerOptions.whop.saveAsDraft is true.`,
        },
      ]);
    }
    return true;
  }
  if (status === 'open' || saveAsDraft === false) return false;
  if (status !== undefined)
    w.unsupported('status', `Whop creates invoices as draft or open; status "${status}" is not sent.`);
  return undefined;
}

function addCustomer(
  out: Record<string, unknown>,
  invoice: Invoice,
  whop: WhopProviderOptions,
  draft: boolean | undefined,
  w: WarningCollector,
): void {
  const { customer } = invoice;
  if (customer.id !== undefined) {
    if (customer.id.startsWith('mem_')) {
      throw new ValidationError('Invoice for Whop', [
        {
          path: 'customer.id',
          code: 'membership_id',
          message: `"${customer.id}" is a membership id (mem_…); Whop's member_id is a member id (mber_…).`,
        },
      ]);
    }
    out.member_id = customer.id;
  } else if (customer.email === undefined) {
    // Even a draft must be addressed to someone, or the invoice Whop returns could not be read back.
    throw new MissingRequiredFieldError(
      'whop',
      'customer.email',
      'Whop addresses an invoice to a member (customer.id, mber_…) or to an email address; give one of them.',
    );
  } else if (draft !== true) {
    for (const key of ['email', 'name'] as const) {
      if (!customer[key]) {
        throw new MissingRequiredFieldError(
          'whop',
          `customer.${key}`,
          'Whop needs email_address and customer_name for a customer who is not yet a member; give both, or customer.id (a Whop member id, mber_…), or create the invoice as a draft.',
        );
      }
    }
  }
  if (customer.email !== undefined) out.email_address = customer.email;
  if (customer.name !== undefined) out.customer_name = customer.name;
  if (customer.externalId !== undefined)
    w.unsupported('customer.externalId', 'Whop has no external customer reference.');
  if (customer.shippingAddress)
    w.unsupported('customer.shippingAddress', 'Whop invoices have no shipping address.');

  if (whop.mailingAddressId !== undefined) {
    if (customer.billingAddress || whop.taxIdType !== undefined || whop.taxIdValue !== undefined) {
      throw new ValidationError('Invoice for Whop', [
        {
          path: 'providerOptions.whop.mailingAddressId',
          code: 'conflict',
          message:
            'Give customer.billingAddress (with any tax id) or providerOptions.whop.mailingAddressId, not both.',
        },
      ]);
    }
    if (customer.phone !== undefined) {
      w.unsupported(
        'customer.phone',
        'Whop keeps the phone on a new billing address; with mailingAddressId it is not sent.',
      );
    }
    out.mailing_address_id = whop.mailingAddressId;
  } else {
    const address = billingAddress(invoice, whop, w);
    if (address) out.billing_address = address;
  }
}

function billingAddress(
  invoice: Invoice,
  whop: WhopProviderOptions,
  w: WarningCollector,
): WhopBillingAddress | undefined {
  const { billingAddress: a, phone } = invoice.customer;
  // Nothing to send (the usual case): no empty object built and counted.
  if (!a && phone === undefined && whop.taxIdType === undefined && whop.taxIdValue === undefined)
    return undefined;
  const out: WhopBillingAddress = {};
  if (a) {
    if (a.name !== undefined) out.name = a.name;
    if (a.line1 !== undefined) out.line1 = a.line1;
    if (a.line2 !== undefined) out.line2 = a.line2;
    if (a.city !== undefined) out.city = a.city;
    if (a.state !== undefined) out.state = a.state;
    if (a.postalCode !== undefined) out.postal_code = a.postalCode;
    if (a.country !== undefined) out.country = a.country;
    if (a.line3 !== undefined)
      w.unsupported('customer.billingAddress.line3', 'Whop addresses have two street lines.');
  }
  if (phone !== undefined) out.phone = phone;
  if (whop.taxIdType !== undefined) out.tax_id_type = whop.taxIdType;
  if (whop.taxIdValue !== undefined) out.tax_id_value = whop.taxIdValue;
  return out;
}

function addCollection(
  out: Record<string, unknown>,
  invoice: Invoice,
  draft: boolean | undefined,
  w: WarningCollector,
): void {
  const collection = invoice.collection;
  const method = collection?.method ?? 'send_invoice';
  if (invoice.dueAt !== undefined) out.due_date = toWhopDateTime(invoice.dueAt);
  else if (method === 'send_invoice' && draft !== true) {
    throw new MissingRequiredFieldError(
      'whop',
      'dueAt',
      'Whop needs a due date for an invoice it sends (send_invoice), unless it is created as a draft (status "draft").',
    );
  }
  if (collection?.paymentMethodId !== undefined) out.payment_method_id = collection.paymentMethodId;
  else if (method === 'charge_automatically') {
    throw new MissingRequiredFieldError(
      'whop',
      'collection.paymentMethodId',
      'Whop charges a stored payment method (pmt_…) for charge_automatically; give its id.',
    );
  }
  // charge_automatically: Whop charges at that time; send_invoice: Whop emails the invoice then (a
  // scheduled send). Both documented by @whop/sdk 0.0.42 (CONTRACT.md W12).
  if (collection?.finalizeAt !== undefined)
    out.automatically_finalizes_at = toWhopDateTime(collection.finalizeAt);
  if (collection?.autoSend !== undefined) {
    w.unsupported(
      'collection.autoSend',
      'Whop has no auto-send switch: send_invoice invoices are emailed unless created as drafts.',
    );
  }
}

/** The invoice fields Whop has no place for, each read by name (a keyed loop over them costs more). */
function warnUnsupportedInvoiceFields(invoice: Invoice, w: WarningCollector): void {
  if (invoice.externalId !== undefined) {
    w.unsupported(
      'externalId',
      "Whop stores no external reference on invoices; the client uses externalId only to derive the create's Idempotency-Key.",
    );
  }
  if (invoice.number !== undefined) w.unsupported('number', 'Whop numbers invoices itself.');
  if (invoice.issuedAt !== undefined) w.unsupported('issuedAt', 'Whop sets the invoice date at creation.');
  if (invoice.period !== undefined) w.unsupported('period', 'Whop invoices have no service period.');
  if (invoice.tax !== undefined)
    w.unsupported('tax', 'Whop invoices carry no tax; only the line items are billed.');
  if (invoice.subscription !== undefined)
    w.unsupported('subscription', 'Whop invoices have no subscription reference.');
  if (invoice.billingReason !== undefined)
    w.unsupported('billingReason', 'Whop invoices have no billing reason.');
  if (invoice.paymentTerms !== undefined)
    w.unsupported('paymentTerms', 'Whop has no payment terms; give dueAt.');
  if (invoice.purchaseOrder !== undefined)
    w.unsupported('purchaseOrder', 'Whop invoices have no purchase-order reference.');
  if (invoice.memo !== undefined) w.unsupported('memo', 'Whop invoices have no memo.');
  if (invoice.footer !== undefined) w.unsupported('footer', 'Whop invoices have no footer.');
  if (invoice.metadata !== undefined) w.unsupported('metadata', 'Whop invoices have no metadata.');
  if (invoice.imported !== undefined) w.unsupported('imported', 'Whop has no imported flag.');
}

/** The rules every body is checked against (the line-items sum with BILLBRIDGE_SELF_CHECK=1), built once. */
const SELF_CHECK_RULES = Object.freeze({ lineSum: FULL_SELF_CHECK });

/**
 * Self-check of the mapper's own output, before anything is sent: a failure is a mapper bug (or a value
 * passed through from the document that Whop refuses, such as an empty product title). The wire schema
 * runs on every body, through its hand-written reader (fast-request.ts), which answers for a plainly
 * valid body at a fraction of zod's cost; anything else gets the schema's own error. The conditional
 * rules (who the invoice is addressed to, due date, payment method, address choice, plan period and
 * sign) are a few field reads and always run. The line-items-sum rule re-derives, with an exact decimal
 * sum over every line, the price mapLines builds from the same lines by construction; it runs with
 * BILLBRIDGE_SELF_CHECK=1, and the property tests run the full rules on every generated request.
 */
function checkOwnOutput(body: Record<string, unknown>): WhopInvoiceCreateRequest {
  // The body is this mapper's own fresh object: when it passes, it is what the schema would answer.
  const request = isPlainCreateRequest(body)
    ? body
    : parseWith(InvoiceCreateRequest, body, 'Whop create request');
  const issues = createRequestIssues(request, SELF_CHECK_RULES);
  if (issues.length > 0) {
    throw new ValidationError(
      'Whop create request',
      issues.map((issue) => ({ path: issue.field, code: 'whop_rule', message: issue.message })),
    );
  }
  return request;
}
