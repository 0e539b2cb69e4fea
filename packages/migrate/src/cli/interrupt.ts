import type { CliIO } from './io';
import { EXIT } from './io';

export interface Interrupt {
  /** Aborted on the first Ctrl-C (or SIGTERM): in-flight work finishes, nothing new starts. */
  readonly signal: AbortSignal;
  /** Stops listening for the signals. */
  dispose(): void;
}

/**
 * The CLI's Ctrl-C: the first one stops gracefully (`finishing` says what is being finished), a second
 * one quits at once with the interrupted exit code.
 */
export function onInterrupt(io: CliIO, finishing: string): Interrupt {
  const abort = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT.interrupted);
    io.err.write(`\nStopping: ${finishing} (Ctrl-C again to quit now)…\n`);
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: abort.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
