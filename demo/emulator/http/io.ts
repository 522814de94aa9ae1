import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError } from '../errors.js';

/** Largest request body accepted: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body; throws {@link EmulatorError} 413 past {@link MAX_BODY_BYTES}. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new EmulatorError(413, 'Request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body; an empty body is `{}`; invalid JSON throws {@link EmulatorError} 400. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request)).toString('utf8');
  if (!text.trim()) return {};
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new EmulatorError(400, `Request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new EmulatorError(400, 'Request body is not valid JSON');
  }
}

/** Deeper bodies are refused: copying, storing or publishing them would overflow the stack. */
const MAX_JSON_DEPTH = 256;

/** The deepest nesting of `[` and `{` in a JSON text (outside strings), counted without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return deepest;
}

/** Answers with a JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store'
  });
  response.end(bytes);
}

/** CORS for any origin: echoes `Origin` (or `*`) and allows Authorization, Content-Type and X-Tenant. */
export function applyCors(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  response.setHeader('Vary', 'Origin');
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Tenant');
  response.setHeader('Access-Control-Max-Age', '600');
}

/** The value of a header that may be repeated; the first one wins. */
export function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
