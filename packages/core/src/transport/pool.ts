import type { Agent, Dispatcher } from 'undici';

let shared: Agent | undefined;
let loading: Promise<Agent> | undefined;

/**
 * The keep-alive pool every transport uses unless given a `dispatcher`. One per process, so all clients
 * to the same origin share warm connections. Pipelining stays at 1: a pipelined create behind a dropped
 * one would become ambiguous too. undici is loaded on first use: importing it costs ~0.2 s of start-up
 * that code which only maps documents never needs.
 */
export async function sharedDispatcher(): Promise<Dispatcher> {
  if (shared) return shared;
  loading ??= import('undici').then(({ Agent }) => {
    shared = createAgent(Agent);
    loading = undefined;
    return shared;
  });
  return loading;
}

function createAgent(AgentClass: typeof Agent): Agent {
  return new AgentClass({
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
}

/** Closes the shared pool (tests, graceful shutdown); the next request opens a fresh one. */
export async function closeSharedDispatcher(): Promise<void> {
  const agent = shared ?? (await loading);
  shared = undefined;
  loading = undefined;
  await agent?.close();
}
