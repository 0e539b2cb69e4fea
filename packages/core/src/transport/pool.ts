import { Agent, type Dispatcher } from 'undici';

let shared: Agent | undefined;

/**
 * The keep-alive pool every transport uses unless given a `dispatcher`. One per process, so all clients
 * to the same origin share warm connections. Pipelining stays at 1: a pipelined create behind a dropped
 * one would become ambiguous too.
 */
export function sharedDispatcher(): Dispatcher {
  shared ??= new Agent({
    connections: 128,
    pipelining: 1,
    // undici's own default: short enough to beat most servers' idle timeouts when they send no
    // Keep-Alive hint, so a create is not written onto a socket the server is closing.
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 60_000,
    // Shorter than the default per-attempt timeout, so a host that never accepts fails as a connect
    // error (nothing sent: a create may be retried) rather than as an ambiguous attempt timeout.
    connect: { timeout: 5_000 },
  });
  return shared;
}

/** Closes the shared pool (tests, graceful shutdown); the next request opens a fresh one. */
export async function closeSharedDispatcher(): Promise<void> {
  const agent = shared;
  shared = undefined;
  await agent?.close();
}
