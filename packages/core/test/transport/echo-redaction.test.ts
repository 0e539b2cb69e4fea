/**
 * Issue #14 item 5: whatever a provider echoes (the key 40 levels deep, base64-encoded on its own or inside
 * `user:key`, base64url, URL-encoded, JSON-escaped, as an object key, in a request id or a field issue),
 * no rendering of the error or of the transport events shows the key.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BillbridgeError } from '../../src/errors/billbridge-error';
import { ValidationError } from '../../src/errors/mapping-errors';
import { AuthenticationError, errorFromStatus, InvalidRequestError } from '../../src/errors/provider-errors';
import { redactDeep, redactSecrets, registerSecret, spellings } from '../../src/errors/secrets';
import { createTransport } from '../../src/transport/create-transport';
import { closeSharedDispatcher } from '../../src/transport/pool';
import type { TransportEvent, TransportResponse } from '../../src/transport/types';
import { baseConfig, fakeTime, startServer, type TestServer } from './helpers';

/** URL- and JSON-special characters on purpose, so each encoding differs from the key itself. */
const API_KEY = 'sk_live_7Hq/9x+Tz=Wp&Lm4';
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** Every spelling of the key a provider might echo (and that must therefore never be seen). */
const FORMS: Record<string, string> = {
  plain: API_KEY,
  base64: b64(API_KEY),
  base64url: b64url(API_KEY),
  'base64 of "u:key"': b64(`u:${API_KEY}`),
  'base64 of "us:key"': b64(`us:${API_KEY}`),
  'base64 of "user:key"': b64(`user:${API_KEY}`),
  'base64url of "user:key" + suffix': b64url(`user:${API_KEY}:x`),
  'url-encoded': encodeURIComponent(API_KEY),
  'form-encoded': new URLSearchParams({ k: API_KEY }).toString().slice(2),
  'json-escaped (PHP)': JSON.stringify(API_KEY).slice(1, -1).replaceAll('/', '\\/'),
};

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => closeSharedDispatcher());

function nest(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { level: depth - i, detail: value } : [value];
  return value;
}

/** Every way an error might be printed or logged, and every field a caller may read directly. */
function renderings(error: unknown, events: TransportEvent[]): string[] {
  const e = error as BillbridgeError & { fieldIssues?: unknown; issues?: unknown };
  return [
    String(e),
    e.message,
    e.stack ?? '',
    JSON.stringify(e),
    inspect(e),
    inspect(e, { depth: Number.POSITIVE_INFINITY }),
    inspect(e, { customInspect: false, depth: Number.POSITIVE_INFINITY }),
    JSON.stringify(e.raw) ?? '',
    String(e.requestId),
    JSON.stringify(e.fieldIssues ?? null),
    JSON.stringify(e.issues ?? null),
    JSON.stringify(events),
  ];
}

function expectNoKey(texts: string[]): void {
  for (const text of texts) {
    for (const [name, form] of Object.entries(FORMS)) {
      expect(text.includes(form), `the key's ${name} form leaked`).toBe(false);
    }
  }
}

/** A provider whose error answer echoes `body`, and a request id that echoes the key. */
async function echoing(status: number, body: unknown, contentType = 'application/json') {
  const server = await startServer((_req, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(text),
      'x-request-id': `req_${encodeURIComponent(API_KEY)}`,
    });
    res.end(text);
  });
  servers.push(server);
  return server;
}

/** A provider mapper that keeps the body as raw and reads field issues out of it. */
function mapError(response: TransportResponse) {
  const body = response.body as { message?: unknown; errors?: Array<{ field: string; message: string }> };
  return errorFromStatus({
    provider: 'paid',
    status: response.status,
    message: typeof body?.message === 'string' ? body.message : response.text.slice(0, 2000),
    requestId: response.requestId,
    raw: response.body ?? response.text,
    fieldIssues: Array.isArray(body?.errors) ? body.errors : [],
  });
}

async function failingRequest(status: number, body: unknown, contentType?: string) {
  const server = await echoing(status, body, contentType);
  const events: TransportEvent[] = [];
  const transport = createTransport(
    baseConfig(server.url, {
      ...fakeTime(),
      headers: { Authorization: `Bearer ${API_KEY}` },
      secrets: [API_KEY],
      mapError,
      maxRetries: 0,
      onEvent: (event) => events.push(event),
    }),
  );
  const error = await transport
    .request({ method: 'GET', path: '/orders', operation: 'read' })
    .catch((e: unknown) => e);
  expect(BillbridgeError.isInstance(error), String(error)).toBe(true);
  return { error: error as BillbridgeError, events };
}

describe('an echoing provider never shows the key (issue #14 item 5)', () => {
  it('the key echoed 40 levels deep, in every spelling', async () => {
    const echoes = Object.values(FORMS).map((form) => `you sent ${form}`);
    const { error, events } = await failingRequest(401, { message: 'denied', echo: nest(40, echoes) });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error.raw)).toContain('[REDACTED]');
    expectNoKey(renderings(error, events));
  });

  it('the key echoed 5,000 levels deep (no depth limit, no stack overflow)', async () => {
    // Written out by hand: JSON.stringify itself recurses and would overflow on 5,000 levels.
    const leaf = JSON.stringify({ token_echo: API_KEY });
    const text = `{"message":"denied","echo":${'{"level":1,"detail":['.repeat(2500)}${leaf}${']}'.repeat(2500)}}`;
    const { error, events } = await failingRequest(400, text);
    // Walk the redacted copy: the leaf is still there, redacted, 5,000 levels down.
    let node: unknown = (error.raw as { echo: unknown }).echo;
    let depth = 0;
    while (node !== null && typeof node === 'object' && !('token_echo' in node)) {
      node = Array.isArray(node) ? node[0] : (node as { detail: unknown }).detail;
      depth++;
    }
    expect(depth).toBe(5000);
    expect(node).toEqual({ token_echo: '[REDACTED]' });
    expectNoKey([JSON.stringify(error), JSON.stringify(events), error.message]);
  });

  it('the key base64-encoded inside a longer value (Basic auth), at each alignment', async () => {
    const basics = ['', 'u', 'us', 'user', 'acct_123'].map((user) => `Basic ${b64(`${user}:${API_KEY}`)}`);
    const { error, events } = await failingRequest(401, { message: basics.join(' | ') });
    expectNoKey(renderings(error, events));
    for (const basic of basics) expect(error.message).not.toContain(basic.slice(6));
  });

  it('the key as an object key, in field issues and in a text (HTML) body', async () => {
    const body = {
      message: 'invalid',
      errors: [{ field: 'api_key', message: `unknown key ${FORMS['json-escaped (PHP)']}` }],
      [API_KEY]: { [b64(API_KEY)]: 1 },
    };
    const json = await failingRequest(422, body);
    expect(InvalidRequestError.isInstance(json.error)).toBe(true);
    expect((json.error as InvalidRequestError).fieldIssues[0]!.message).toContain('[REDACTED]');
    expectNoKey(renderings(json.error, json.events));

    const html = `<html><pre>${JSON.stringify({ key: API_KEY }).replaceAll('/', '\\/')} ${encodeURIComponent(API_KEY)}</pre></html>`;
    const text = await failingRequest(500, html, 'text/html');
    expectNoKey(renderings(text.error, text.events));
  });

  it('the request id echoing the key is redacted on the error and in events', async () => {
    const { error, events } = await failingRequest(403, { message: 'nope' });
    expect(error.requestId).toMatch(/^req_\[REDACTED\]/);
    const withIds = events.filter((e) => 'requestId' in e && e.requestId !== undefined);
    expect(withIds.length).toBeGreaterThan(0);
    expectNoKey(renderings(error, events));
  });
});

describe('redaction helpers', () => {
  registerSecret(API_KEY);

  it('lists the encoded spellings of a secret', () => {
    const forms = spellings(API_KEY);
    expect(forms).toContain(API_KEY);
    expect(forms).toContain(encodeURIComponent(API_KEY));
    expect(forms).toContain(b64(API_KEY));
    expect(forms).toContain('sk_live_7Hq\\/9x+Tz=Wp&Lm4');
  });

  it('redactSecrets catches base64 and base64url of any string containing the key', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'user:', 'x'.repeat(17)]) {
      for (const suffix of ['', '!', '!!', ':tail']) {
        const plain = `${prefix}${API_KEY}${suffix}`;
        for (const encoded of [b64(plain), b64url(plain)]) {
          const out = redactSecrets(`auth ${encoded} end`);
          expect(out, `${prefix}|${suffix}`).toContain('[REDACTED]');
          // What is left of the encoding decodes to nothing that contains the key.
          for (const part of out.split('[REDACTED]')) {
            expect(Buffer.from(part.trim(), 'base64').toString('latin1')).not.toContain(API_KEY);
          }
        }
      }
    }
  });

  it('redactDeep copes with cycles and 100,000-deep nesting', () => {
    const cyclic: Record<string, unknown> = { note: API_KEY };
    cyclic.self = cyclic;
    const copy = redactDeep(cyclic) as Record<string, unknown>;
    expect(copy.note).toBe('[REDACTED]');
    expect(copy.self).toBe(copy);

    const deep = nest(100_000, API_KEY);
    expect(() => redactDeep(deep)).not.toThrow();
  });

  it('validation issues and mapping warnings are redacted too', () => {
    const error = new ValidationError('Paid order', [
      { path: 'x', code: 'custom', message: `got ${API_KEY}` },
    ]);
    expect(error.issues[0]!.message).toBe('got [REDACTED]');
    expectNoKey(renderings(error, []));
  });
});
