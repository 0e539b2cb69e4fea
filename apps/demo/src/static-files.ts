import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The page's files live in apps/demo/public, beside src/ and dist/. */
const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves a file from public/ (index.html for "/"); false when there is no such file. */
export async function serveStatic(pathname: string, res: ServerResponse): Promise<boolean> {
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^(\.\.[/\\])+/, '');
  const type = TYPES[extname(relative)];
  if (!type) return false;
  try {
    const body = await readFile(join(PUBLIC_DIR, relative));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    return true;
  } catch {
    return false;
  }
}
