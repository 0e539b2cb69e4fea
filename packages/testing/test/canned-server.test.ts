// Imports only the canned server (and core's flag): what it loads is this file's doing alone.
import { existsSync, readFileSync } from 'node:fs';
import { isZodLoaded } from '@billbridge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CannedServer, HTML_FORBIDDEN, startCannedServer } from '../src/canned-server';

/**
 * What a source file loads when it runs, followed through its relative imports: the packages and
 * built-ins named by every `import`/`export … from` other than `import type`/`export type` (under
 * verbatimModuleSyntax `import { type X }` still loads its module, so it counts), and any dynamic
 * `import(` or `require(`, which this walk cannot follow and so reports.
 */
function runtimeImports(entry: URL): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: URL) => {
    if (seen.has(file.href)) return;
    seen.add(file.href);
    const text = readFileSync(file, 'utf8');
    if (/\bimport\(|\brequire\(/.test(text)) found.add(`dynamic load in ${file.pathname}`);
    for (const [, clause = '', specifier = ''] of text.matchAll(
      /^(?:import|export)\s([^;]*?)\s*from\s+'([^']+)'/gms,
    )) {
      if (/^type\s/.test(clause)) continue;
      if (!specifier.startsWith('.')) found.add(specifier);
      else {
        const ts = new URL(`${specifier}.ts`, file);
        visit(existsSync(ts) ? ts : new URL(`${specifier}/index.ts`, file));
      }
    }
    for (const [, specifier = ''] of text.matchAll(/^import\s+'([^']+)'/gm)) found.add(specifier);
  };
  visit(entry);
  return [...found].sort();
}

describe('@billbridge/testing/canned-server loads no zod', () => {
  it('loads node built-ins only, whatever it imports for types', () => {
    expect(runtimeImports(new URL('../src/canned-server.ts', import.meta.url))).toEqual(['node:http']);
    // The walk does see what loads zod: the main entry reaches core (and the fakes' helpers).
    expect(runtimeImports(new URL('../src/index.ts', import.meta.url))).toEqual(
      expect.arrayContaining(['@billbridge/core', 'fast-check']),
    );
  });

  it('leaves zod unloaded after import', () => {
    expect(isZodLoaded()).toBe(false);
  });
});

describe('startCannedServer', () => {
  let server: CannedServer;
  beforeAll(async () => {
    server = await startCannedServer({
      'GET /v1/things/missing': { status: 404, body: { error: 'not_found' } },
      'GET /v1/things/forbidden': HTML_FORBIDDEN,
      'GET /v1/things/:id': (req) => ({ status: 200, body: { id: req.params.id, q: req.query.get('q') } }),
      'POST /v1/things': (req) => ({ status: 201, body: { echoed: req.body } }),
      'GET /v1/things/shadowed': { status: 500, text: 'never sent: the :id key above matches first' },
    });
  });
  afterAll(() => server.close());

  it('answers by method and path (first key wins, :name segments captured) and records each request', async () => {
    const got = await fetch(`${server.url}/v1/things/a%20b?q=1`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ id: 'a b', q: '1' });

    const missing = await fetch(`${server.url}/v1/things/missing`);
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'not_found' }]);

    const forbidden = await fetch(`${server.url}/v1/things/forbidden`);
    expect([forbidden.status, forbidden.headers.get('content-type'), await forbidden.text()]).toEqual([
      403,
      'text/html',
      '<html><body>Forbidden</body></html>',
    ]);

    const created = await fetch(`${server.url}/v1/things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-key': 'k1' },
      body: JSON.stringify({ n: 1 }),
    });
    expect([created.status, await created.json()]).toEqual([201, { echoed: { n: 1 } }]);

    const unmatched = await fetch(`${server.url}/v1/things`, { method: 'PUT' });
    expect([unmatched.status, await unmatched.text()]).toEqual([404, 'No canned answer for PUT /v1/things.']);
    const shadowed = await fetch(`${server.url}/v1/things/shadowed`);
    expect(await shadowed.json()).toEqual({ id: 'shadowed', q: null });

    expect(server.calls()).toEqual([
      'GET /v1/things/a%20b',
      'GET /v1/things/missing',
      'GET /v1/things/forbidden',
      'POST /v1/things',
      'PUT /v1/things',
      'GET /v1/things/shadowed',
    ]);
    const post = server.received[3];
    expect([post?.body, post?.text, post?.headers['x-key']]).toEqual([{ n: 1 }, '{"n":1}', 'k1']);
    expect(isZodLoaded()).toBe(false);
  });

  it('answers 500 with the message when an answer function throws', async () => {
    const throwing = await startCannedServer({
      'GET /boom': () => {
        throw new Error('the test wrote a bad answer');
      },
    });
    try {
      const answer = await fetch(`${throwing.url}/boom`);
      expect([answer.status, await answer.text()]).toEqual([
        500,
        'The canned answer failed: the test wrote a bad answer',
      ]);
    } finally {
      await throwing.close();
    }
  });

  it('answers 413 to a body over 1 MiB, and still records nothing it could not read', async () => {
    const before = server.received.length;
    const answer = await fetch(`${server.url}/v1/things`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect([answer.status, await answer.text()]).toEqual([413, 'Body larger than 1048576 bytes.']);
    expect(server.received.length).toBe(before);
  });

  it('refuses a route key not written "METHOD /path"', async () => {
    for (const key of ['/v1/things', 'FETCH /v1/things', 'GET v1/things', 'GET /a /b']) {
      await expect(startCannedServer({ [key]: { status: 200 } })).rejects.toThrow(/METHOD \/path/);
    }
  });

  it('close drops keep-alive connections, stops listening, and can be called twice', async () => {
    const short = await startCannedServer({ 'GET /ok': { status: 200, body: { ok: true } } });
    expect((await fetch(`${short.url}/ok`)).status).toBe(200);
    await short.close();
    await short.close();
    await expect(fetch(`${short.url}/ok`)).rejects.toThrow();
  });
});
