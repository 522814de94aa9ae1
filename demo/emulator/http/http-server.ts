import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EmulatorError } from '../errors.js';
import type { Logger } from '../logger.js';
import { applyCors, sendJson } from './io.js';
import { matchRoute, type Route } from './router.js';
import { serveStatic } from './static-files.js';

/**
 * The emulator's HTTP server: CORS on every answer, 204 for every preflight, then the first matching route, then
 * static files for GET and HEAD. Handler errors become JSON answers `{error}` ({@link EmulatorError}'s status,
 * else 500); nothing a client sends can crash the process.
 */
export function createHttpServer(routes: readonly Route[], staticRoot: string, log: Logger): Server {
  return createServer((request, response) => {
    handle(routes, staticRoot, request, response).catch(error => {
      log(`http ${request.method} ${pathOf(request)}: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal server error' });
      else response.destroy();
    });
  });
}

async function handle(
  routes: readonly Route[],
  staticRoot: string,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  applyCors(request, response);
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { 'Content-Length': 0 }).end();
    return;
  }
  const path = pathOf(request);
  try {
    const match = matchRoute(routes, request.method ?? 'GET', path);
    if (match.kind === 'found') await match.handler(request, response, match.params);
    else if (match.kind === 'wrong-method') sendJson(response, 405, { error: 'Method not allowed' });
    else if (request.method !== 'GET' && request.method !== 'HEAD') sendJson(response, 404, { error: 'Not found' });
    else await serveStatic(request, response, staticRoot, path);
  } catch (error) {
    if (!(error instanceof EmulatorError) || response.headersSent) throw error;
    sendJson(response, error.status, { error: error.message });
  }
}

/** The request path without the query, not decoded. */
function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0] ?? '/';
}
