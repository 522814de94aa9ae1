import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendJson } from './io.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
};

/** Top-level folders of the static root that may be served. */
const SERVED_FOLDERS = ['demo', 'dist', 'docs'];

/**
 * Serves `GET /` as `demo/index.html` and other paths as files below `demo/` and `dist/` of `root` (a folder
 * path serves its `index.html`). A path with a `..` segment gets 403; anything else outside those folders,
 * or missing, gets 404.
 * @param rawPath the request path before decoding, without the query
 */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  rawPath: string
): Promise<void> {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return notFound(response);
  }
  if (path.split(/[\\/]/).includes('..') || path.includes('\0')) {
    return sendJson(response, 403, { error: 'Forbidden' });
  }
  const relative = path === '/' ? 'demo/index.html' : path.replace(/^\/+/, '');
  const folder = SERVED_FOLDERS.find(name => relative === name || relative.startsWith(`${name}/`));
  if (!folder) return notFound(response);
  const file = await findFile(resolve(root, relative));
  if (!file || !file.startsWith(resolve(root, folder) + sep)) return notFound(response);
  const bytes = await readFile(file);
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-cache'
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/** The file itself, or a folder's `index.html`; undefined when neither exists. */
async function findFile(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (!info?.isDirectory()) return undefined;
  const index = join(path, 'index.html');
  return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
}

function notFound(response: ServerResponse): void {
  sendJson(response, 404, { error: 'Not found' });
}
