/**
 * What `billbridge sandbox` needs and nothing else does: `startFake` from `@billbridge/testing` and each
 * provider's fake. They are loaded here, on demand, so the engine and the other commands run without
 * test tooling installed (`@billbridge/testing` is an optional peer dependency).
 */
import type { ProviderName } from '@billbridge/core';
import type { FakeDefinition, startFake } from '@billbridge/testing';
import type { ProviderRegistry } from './registry-types';

/** The one package to add when the fakes are missing. */
export const SANDBOX_PACKAGE = '@billbridge/testing';

/** The fakes could not be loaded: names the package to add. */
export class SandboxToolsMissingError extends Error {
  override name = 'SandboxToolsMissingError';
  constructor(cause: unknown) {
    super(
      `the sandbox runs the provider fakes from ${SANDBOX_PACKAGE}, which is not installed. ` +
        `Add it next to @billbridge/migrate: npm install --save-dev ${SANDBOX_PACKAGE}` +
        ` (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)})`,
      { cause },
    );
  }
}

export interface SandboxTools {
  startFake: typeof startFake;
  // biome-ignore lint/suspicious/noExplicitAny: each fake has its own state and seed types
  fakes: Record<ProviderName, FakeDefinition<any, any>>;
}

/** `import()`, injectable so a test can play a machine where the package is missing. */
export type Importer = (specifier: string) => Promise<unknown>;

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

export async function loadSandboxTools(
  registry: ProviderRegistry,
  importer: Importer = (specifier) => import(specifier),
): Promise<SandboxTools> {
  try {
    const testing = (await importer(SANDBOX_PACKAGE)) as { startFake: typeof startFake };
    const entries = await Promise.all(
      Object.values(registry).map(async (entry) => [entry.name, await entry.loadFake()] as const),
    );
    return { startFake: testing.startFake, fakes: Object.fromEntries(entries) as SandboxTools['fakes'] };
  } catch (error) {
    if (isMissingModule(error)) throw new SandboxToolsMissingError(error);
    throw error;
  }
}
