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
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
  return shared;
}

/** Closes the shared pool (tests, graceful shutdown); the next request opens a fresh one. */
export async function closeSharedDispatcher(): Promise<void> {
  const agent = shared;
  shared = undefined;
  await agent?.close();
}
