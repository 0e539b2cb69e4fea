#!/usr/bin/env node
// `pnpm demo`: starts the fakes and the page, prints the URL, runs until stopped.
// `pnpm demo --tour` (or `pnpm demo:tour`): prints the same story in the terminal and exits.
import { startDemo } from './demo-server';
import { busyPortMessage } from './port';
import { runTour } from './tour';

if (process.argv.includes('--tour')) {
  process.exitCode = await runTour(process.stdout);
} else {
  const port = Number(process.env.PORT ?? 4321);
  const demo = await startDemo({ port }).catch((error: unknown) => {
    const busy = busyPortMessage(error, port);
    if (!busy) throw error;
    console.error(busy);
    process.exit(1);
  });
  console.log(`billbridge demo running at ${demo.url}`);
  console.log('Fake providers (no accounts, no network):');
  for (const [name, url] of Object.entries(demo.fakes)) console.log(`  ${name.padEnd(11)} ${url}`);
  console.log('Press Ctrl-C to stop.');
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
