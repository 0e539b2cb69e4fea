/**
 * `billbridge listen` against the fakes: deliveries are verified and printed once as normalised events;
 * a redelivery is not printed again; a forged delivery is refused with 401 and reported on stderr.
 */
import { createPelcroClient } from '@billbridge/pelcro';
import { pelcroFake } from '@billbridge/pelcro/testing';
import { startFake } from '@billbridge/testing';
import { describe, expect, it } from 'vitest';
import { runListen } from '../src/cli/listen-command';
import { runCli } from '../src/cli/main';
import { PROVIDERS } from '../src/providers';
import { captureIO } from './helpers/capture-io';

const SECRET = 'pelcro-listen-secret-0001';

describe('billbridge listen', () => {
  it('prints each normalised event from the Pelcro fake once, and refuses a forgery', async () => {
    const io = captureIO({ PELCRO_WEBHOOK_SECRET: SECRET });
    let stop: () => void = () => undefined;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runListen(
      ['--provider', 'pelcro', '--secret-env', 'PELCRO_WEBHOOK_SECRET', '--port', '0', '--json'],
      io,
      PROVIDERS,
      until,
    );
    while (!io.stderr().includes('Listening')) await new Promise((r) => setTimeout(r, 10));
    const url = /http:\/\/127\.0\.0\.1:\d+\/webhooks/.exec(io.stderr())![0];

    const fake = await startFake(pelcroFake, {
      webhooks: { url, secret: SECRET, retryScale: 0.0001, faults: { script: ['duplicate'] } },
    });
    try {
      const client = createPelcroClient({
        apiKey: 'pelcro-test-key-123',
        siteId: 1234,
        baseUrl: fake.url,
        maxRetries: 0,
      });
      const created = await client.create({
        currency: 'USD',
        customer: { id: '987654' },
        status: 'open',
        lines: [{ description: 'Back issue bundle', quantity: 2, unitAmount: 1500 }],
      });
      await fake.webhooks!.idle();
      fake.webhooks!.markPaid(created.value.id!);
      await fake.webhooks!.idle();
      const forged = await fetch(url, {
        method: 'POST',
        headers: { 'x-pelcro-hmac-sha256': Buffer.alloc(32).toString('base64') },
        body: '{"type":"invoice.created","id":"evt_forged"}',
      });
      expect(forged.status).toBe(401);
    } finally {
      await fake.close();
    }
    stop();
    expect(await running).toBe(0);

    const lines = io
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((e) => e.type)).toEqual(['invoice.created', 'invoice.paid']);
    expect(lines[1]).toMatchObject({ provider: 'pelcro', invoice: { status: 'paid', currency: 'USD' } });
    expect(io.stderr()).toMatch(/refused \(401\): pelcro webhook refused \(bad_signature\)/);
    expect(io.stdout() + io.stderr()).not.toContain(SECRET);
  });

  it('needs the secret variable, and prints its help through the CLI', async () => {
    const io = captureIO({});
    expect(
      await runCli(['listen', '--provider', 'whop', '--secret-env', 'MISSING_SECRET'], io, PROVIDERS),
    ).toBe(2);
    expect(io.stderr()).toContain('set the environment variable MISSING_SECRET');
    const help = captureIO({});
    expect(await runCli(['listen', '--help'], help, PROVIDERS)).toBe(0);
    expect(help.stdout()).toContain('--secret-env');
  });
});
