import {
  type CanonicalDocument,
  documentKind,
  type Invoice,
  invoiceToOrder,
  type Order,
  orderToInvoice,
  parseDocument,
} from '@billbridge/core';
import { describeError } from './describe-error';
import { diffDocuments } from './diff';
import { explainDifferences } from './explain';
import { canonicalMoney, moneyView } from './money';
import {
  type CapabilitiesTable,
  capabilitiesTable,
  type DemoProvider,
  type DemoProviders,
} from './providers';
import { SAMPLES } from './samples';

/** The page's JSON endpoints, as plain functions of their input (the HTTP layer is in demo-server.ts). */
export function createApi(providers: DemoProviders) {
  const byName = (name: unknown): DemoProvider => {
    const provider = providers.list.find((p) => p.name === name);
    if (!provider) throw new Error(`Unknown provider ${JSON.stringify(name)}.`);
    return provider;
  };

  return {
    samples: () => SAMPLES,

    providers: () =>
      providers.list.map((p) => ({
        name: p.name,
        label: p.label,
        creates: p.adapter.capabilities.creates,
        amountUnit: p.adapter.capabilities.amountUnit,
        deduplication: p.adapter.capabilities.deduplication,
      })),

    capabilities: (): CapabilitiesTable => capabilitiesTable(providers.list),

    /**
     * Validates the document, then maps it for every provider: the request, its warnings, and the money
     * panel (the canonical amounts beside the request's, in each provider's own unit).
     */
    map(document: unknown) {
      let parsed: CanonicalDocument;
      try {
        parsed = parseDocument(document);
      } catch (error) {
        // An invalid document is refused alike by all five: its issues are listed once.
        return {
          parse: { ok: false as const, issues: describeError(error).issues ?? [] },
          providers: {} as Record<string, unknown>,
        };
      }
      const outcomes: Record<string, unknown> = {};
      for (const provider of providers.list) {
        try {
          const { request, warnings } = provider.adapter.toCreateRequest(
            parsed.value,
            provider.mappingOptions,
          );
          outcomes[provider.name] = {
            ok: true,
            request,
            warnings,
            money: moneyView(provider, parsed, request, warnings),
          };
        } catch (error) {
          outcomes[provider.name] = { ok: false, error: describeError(error) };
        }
      }
      return {
        parse: { ok: true as const, kind: parsed.kind, money: canonicalMoney(parsed) },
        providers: outcomes,
      };
    },

    /** Sends the document to one provider's fake and compares what came back with what was sent. */
    async send(name: unknown, document: unknown) {
      const provider = byName(name);
      try {
        const sent = parseDocument(document);
        const created = await provider.client.create(sent.value);
        // Compare like with like: an Order sent to an invoice provider is compared as core converts it.
        const backKind = documentKind(created.value);
        const converted =
          backKind === sent.kind
            ? { value: sent.value, warnings: [] }
            : sent.kind === 'order'
              ? orderToInvoice(sent.value as Order)
              : invoiceToOrder(sent.value as Invoice);
        const warnings = [...(created.requestWarnings ?? created.warnings), ...converted.warnings];
        return {
          ok: true as const,
          response: created.raw,
          value: created.value,
          warnings: created.warnings,
          differences: explainDifferences(
            diffDocuments(converted.value, created.value),
            warnings,
            provider.label,
          ),
        };
      } catch (error) {
        return { ok: false as const, error: describeError(error) };
      }
    },
  };
}

export type DemoApi = ReturnType<typeof createApi>;
