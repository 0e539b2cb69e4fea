/**
 * The money panel: for one document, the canonical amounts beside what each provider's create request
 * carries in that provider's own unit, and whether the conversion was exact. Exact means two things at
 * once: the mapping raised no warning on an amount, and the request read back through the adapter's own
 * `fromProvider` gives every line amount and the total that was sent.
 */
import {
  addDecimal,
  type CanonicalDocument,
  compareDecimal,
  computeTotals,
  documentKind,
  formatDecimal,
  type Invoice,
  lineAmount,
  type MappingWarning,
  minorToMajorString,
  multiplyDecimal,
  orderToInvoice,
  type ProviderName,
  toDecimal,
} from '@billbridge/core';
import type { DemoProvider } from './providers';

/** One line as the provider's request writes it: quantity and unit price in the provider's unit. */
interface WireLine {
  quantity: string;
  unitPrice: string;
}

interface WireAmounts {
  lines: WireLine[];
  /** A total the request states itself (Pelcro without lines, Flowglad's subtotal). */
  stated?: string;
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown): string => (value === undefined || value === null ? '0' : String(value));

/** Where each provider's request keeps its amounts, and what unit it counts them in. */
const WIRE: Record<ProviderName, { unit: string; read(request: Json): WireAmounts }> = {
  paid: {
    unit: 'minor units (cents)',
    read: (request) => ({
      lines: list(request.lines).flatMap((line) =>
        list(line.attributes).map((attribute) => ({
          quantity: text(attribute.quantity ?? 1),
          unitPrice: text(
            ((attribute.pricing as Json | undefined)?.pricePoints as Json | undefined)?.unitPrice,
          ),
        })),
      ),
    }),
  },
  flowglad: {
    unit: 'hundredths (Flowglad minor units)',
    read: (request) => ({
      lines: list(request.invoiceLineItems).map((item) => ({
        quantity: text(item.quantity),
        unitPrice: text(item.price),
      })),
      stated: text((request.invoice as Json | undefined)?.subtotal),
    }),
  },
  whop: {
    unit: 'major units',
    read: (request) => ({
      lines: list(request.line_items).map((item) => ({
        quantity: text(item.quantity),
        unitPrice: text(item.unit_price),
      })),
    }),
  },
  chargeover: {
    unit: 'major units',
    read: (request) => ({
      lines: list(request.line_items).map((item) => ({
        quantity: text(item.line_quantity ?? 1),
        unitPrice: text(item.line_rate),
      })),
    }),
  },
  pelcro: {
    unit: 'Stripe-style minor units',
    read: (request) => {
      const body = (request.body ?? request) as Json;
      const lines = list(body.line_items).map((item) => ({
        quantity: text(item.quantity),
        unitPrice: text(item.unit_price ?? item.amount),
      }));
      return lines.length > 0 ? { lines } : { lines, stated: text(body.total) };
    },
  },
};

export interface MoneyLine {
  /** Canonical line amount, e.g. `74.88 USD`. */
  canonical: string;
  /** As the request writes it, e.g. `2.5 × 2995`. */
  wire: string;
  /** quantity × unit price in the provider's unit, exactly. */
  wireAmount: string;
}

export interface MoneyView {
  unit: string;
  lines: MoneyLine[];
  /** The total in the provider's unit: Σ wire amounts, or what the request states. */
  wireTotal: string;
  exact: boolean;
  /** Why not exact: the warnings on amounts, or the amounts that read back differently. */
  reasons: string[];
}

export interface CanonicalMoney {
  currency: string;
  total: string;
  lines: string[];
}

const AMOUNT_PATH =
  /(^|\.)(unitAmount|unitAmountDecimal|amount|quantity|total|tax|charges)(\.|\[|$)|^lines(\[\d+\])?$/;

function asInvoice(doc: CanonicalDocument): Invoice {
  return doc.kind === 'invoice' ? doc.value : orderToInvoice(doc.value).value;
}

const major = (minor: number, currency: string) => `${minorToMajorString(minor, currency)} ${currency}`;

export function canonicalMoney(doc: CanonicalDocument): CanonicalMoney {
  const invoice = asInvoice(doc);
  const totals = computeTotals(invoice);
  return {
    currency: invoice.currency,
    total: major(totals.total, invoice.currency),
    lines: invoice.lines.map((line) => major(lineAmount(line), invoice.currency)),
  };
}

export function moneyView(
  provider: DemoProvider,
  doc: CanonicalDocument,
  request: unknown,
  warnings: MappingWarning[],
): MoneyView {
  const wire = WIRE[provider.name];
  const amounts = wire.read(request as Json);
  const canonicalLines = canonicalMoney(doc).lines;
  const lineAmounts = amounts.lines.map((line) =>
    multiplyDecimal(toDecimal(line.quantity), toDecimal(line.unitPrice)),
  );
  const lines = amounts.lines.map((line, i) => ({
    canonical: canonicalLines[i] ?? '',
    wire: `${line.quantity} × ${line.unitPrice}`,
    wireAmount: formatDecimal(lineAmounts[i]!),
  }));
  const wireTotal =
    lineAmounts.length > 0
      ? formatDecimal(lineAmounts.reduce((sum, amount) => addDecimal(sum, amount), toDecimal(0)))
      : (amounts.stated ?? '0');
  const { exact, reasons } = exactness(provider, doc, request, warnings);
  const computed = wireTotalReason(provider, doc, wireTotal);
  if (computed) reasons.push(computed);
  return { unit: wire.unit, lines, wireTotal, exact: exact && !computed, reasons };
}

/**
 * The provider works the total out from what the request says (quantity × price per line, or the stated
 * total): in canonical minor units, it must be the canonical total exactly.
 */
function wireTotalReason(
  provider: DemoProvider,
  doc: CanonicalDocument,
  wireTotal: string,
): string | undefined {
  const amounts = provider.adapter.capabilities.amounts;
  if (!amounts) return undefined;
  const { currency } = doc.value;
  const canonical = computeTotals(asInvoice(doc)).subtotal;
  const back = amounts.fromProvider(wireTotal, currency, {
    provider: provider.name,
    path: 'total',
    whole: false,
  });
  if (compareDecimal(toDecimal(back), toDecimal(canonical)) === 0) return undefined;
  return `${provider.label} works the lines out to ${wireTotal} in its unit, ${back} minor units, where the canonical subtotal is ${canonical}: it rounds on its own.`;
}

function exactness(
  provider: DemoProvider,
  doc: CanonicalDocument,
  request: unknown,
  warnings: MappingWarning[],
): { exact: boolean; reasons: string[] } {
  const reasons = warnings
    .filter((w) => w.code === 'approximated' && AMOUNT_PATH.test(w.path))
    .map((w) => `${w.path}: ${w.message}`);
  const sent = asInvoice(doc);
  const currency = sent.currency;
  try {
    const back = provider.adapter.fromProvider(request, { ...provider.mappingOptions, as: doc.kind });
    const read = asInvoice({ kind: documentKind(back.value), value: back.value } as CanonicalDocument);
    sent.lines.forEach((line, i) => {
      const other = read.lines[i];
      const [want, got] = [lineAmount(line), other ? lineAmount(other) : undefined];
      if (got !== want)
        reasons.push(
          `lines[${i}] reads back as ${got === undefined ? 'nothing' : major(got, currency)}, not ${major(want, currency)}`,
        );
    });
    const [want, got] = [computeTotals(sent).total, computeTotals(read).total];
    if (got !== want)
      reasons.push(`total reads back as ${major(got, currency)}, not ${major(want, currency)}`);
  } catch (error) {
    reasons.push(`the request does not read back: ${(error as Error).message.split('\n')[0]}`);
  }
  return { exact: reasons.length === 0, reasons };
}
