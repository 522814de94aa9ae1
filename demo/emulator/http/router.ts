import type { IncomingMessage, ServerResponse } from 'node:http';

/** Answers one request; `params` are the route pattern's capture groups, URI-decoded. */
export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  params: string[]
) => void | Promise<void>;

/** A method and an anchored path pattern. */
export interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  handler: RouteHandler;
}

/** Outcome of {@link matchRoute}. */
export type RouteMatch =
  { kind: 'found'; handler: RouteHandler; params: string[] } | { kind: 'wrong-method' } | { kind: 'none' };

/** Finds the route for a method and path (first match wins). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.path.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      pathMatched = true;
      continue;
    }
    return { kind: 'found', handler: route.handler, params: match.slice(1).map(param => safeDecode(param ?? '')) };
  }
  return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
