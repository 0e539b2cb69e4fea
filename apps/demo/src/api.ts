import { parseDocument } from '@billbridge/core';
import { describeError } from './describe-error';
import { diffDocuments } from './diff';
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

    /** Validates the document, then maps it for every provider. */
    map(document: unknown) {
      let parse: { ok: true; kind: string } | { ok: false; issues: Array<{ path: string; message: string }> };
      try {
        parse = { ok: true, kind: parseDocument(document).kind };
      } catch (error) {
        parse = { ok: false, issues: describeError(error).issues ?? [] };
      }
      const outcomes: Record<string, unknown> = {};
      for (const provider of providers.list) {
        try {
          const { request, warnings } = provider.adapter.toCreateRequest(
            document as never,
            provider.mappingOptions,
          );
          outcomes[provider.name] = { ok: true, request, warnings };
        } catch (error) {
          outcomes[provider.name] = { ok: false, error: describeError(error) };
        }
      }
      return { parse, providers: outcomes };
    },

    /** Sends the document to one provider's fake and compares what came back with what was sent. */
    async send(name: unknown, document: unknown) {
      const provider = byName(name);
      try {
        const sent = parseDocument(document).value;
        const created = await provider.client.create(sent);
        return {
          ok: true as const,
          response: created.raw,
          value: created.value,
          warnings: created.warnings,
          differences: diffDocuments(sent, created.value),
        };
      } catch (error) {
        return { ok: false as const, error: describeError(error) };
      }
    },
  };
}

export type DemoApi = ReturnType<typeof createApi>;
