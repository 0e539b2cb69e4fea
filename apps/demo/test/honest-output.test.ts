import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startDemo } from '../src/demo-server';
import { busyPortMessage } from '../src/port';
import { wantsColor } from '../src/tour';

const tty = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: true });
const pipe = new Writable({ write: (_c, _e, done) => done() });

describe('the tour colours only a terminal that wants it', () => {
  it('a TTY: bold headings', () => expect(wantsColor(tty, {})).toBe(true));
  it('piped or redirected: plain text', () => expect(wantsColor(pipe, {})).toBe(false));
  it('NO_COLOR set (any non-empty value): plain text, even on a TTY', () => {
    expect(wantsColor(tty, { NO_COLOR: '1' })).toBe(false);
  });
  it('TERM=dumb: plain text', () => expect(wantsColor(tty, { TERM: 'dumb' })).toBe(false));
  it('FORCE_COLOR wins over a pipe; FORCE_COLOR=0 does not', () => {
    expect(wantsColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColor(pipe, { FORCE_COLOR: '0' })).toBe(false);
  });
});

describe('a busy demo port', () => {
  it('startDemo rejects with EADDRINUSE (fakes stopped), and the message names PORT=', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const error = await startDemo({ port }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('EADDRINUSE');
      expect(busyPortMessage(error, port)).toBe(
        `billbridge demo: port ${port} is already in use (another demo?). Start it on another port: PORT=${port + 1} pnpm demo`,
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('other errors are not dressed up as a busy port', () => {
    expect(busyPortMessage(new Error('boom'), 4321)).toBeUndefined();
  });
});
