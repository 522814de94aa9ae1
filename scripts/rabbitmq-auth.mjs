#!/usr/bin/env node
// @ts-check
// A tiny HTTP authentication and authorisation endpoint for RabbitMQ's `rabbitmq_auth_backend_http`, for the
// end-to-end tests against a real broker (test/connection/rabbitmq.e2e.test.ts; started by scripts/rabbitmq.sh).
// Test use only: it allows every vhost, resource and topic, and accepts a STOMP login (the access token) when it
// starts with `e2e-`, so the known-bad token the tests send (`bad-token`) is refused.
//
// RabbitMQ POSTs form fields (auth_http.http_method = post) and wants a plain-text `allow` / `deny` answer:
//   POST /auth/user      username, password            → allow | deny
//   POST /auth/vhost     username, vhost, ip           → allow
//   POST /auth/resource  username, vhost, resource, name, permission                    → allow
//   POST /auth/topic     username, vhost, resource, name, permission, routing_key        → allow
// For the tests (JSON, never logged):
//   GET  /__test/calls   { user: [{ username, allowed }], topic: [{ username, permission, routingKey }], … }
//   POST /__test/reset   forgets the calls
//
// Usage: node scripts/rabbitmq-auth.mjs [--port 18001]. Listens on 127.0.0.1 only; prints one line
// `{"url":"http://127.0.0.1:PORT"}` once listening; stops on SIGTERM / SIGINT.
import { createServer } from 'node:http';

const portIndex = process.argv.indexOf('--port');
const port = Number(portIndex > 0 ? process.argv[portIndex + 1] : (process.env.RABBITMQ_AUTH_PORT ?? 18001));

/** Tokens the endpoint accepts as a STOMP login. Everything else (e.g. `bad-token`) is refused. */
const ACCEPTED = /^e2e-[\w.:-]+$/;

/** @typedef {{ username: string, allowed: boolean }} UserCall */
/** @typedef {{ username: string, vhost: string, resource: string, name: string, permission: string }} ResourceCall */
/** @typedef {ResourceCall & { routingKey: string }} TopicCall */

/** @type {{ user: UserCall[], vhost: { username: string, vhost: string }[], resource: ResourceCall[], topic: TopicCall[] }} */
let calls = { user: [], vhost: [], resource: [], topic: [] };

/** @param {import('node:http').IncomingMessage} request */
async function readForm(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) return new URLSearchParams(JSON.parse(text || '{}'));
  return new URLSearchParams(text || (request.url ?? '').split('?')[1] || '');
}

const server = createServer(async (request, response) => {
  /** @param {number} status @param {string} body @param {string} [type] */
  const answer = (status, body, type = 'text/plain') => {
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    response.end(body);
  };
  try {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/__test/calls')
      return answer(200, JSON.stringify(calls), 'application/json');
    if (request.method === 'POST' && path === '/__test/reset') {
      calls = { user: [], vhost: [], resource: [], topic: [] };
      return answer(200, '{}', 'application/json');
    }
    const form = await readForm(request);
    const field = (/** @type {string} */ name) => form.get(name) ?? '';
    switch (path) {
      case '/auth/user': {
        const username = field('username');
        const allowed = ACCEPTED.test(username);
        calls.user.push({ username, allowed });
        return answer(200, allowed ? 'allow' : 'deny');
      }
      case '/auth/vhost':
        calls.vhost.push({ username: field('username'), vhost: field('vhost') });
        return answer(200, 'allow');
      case '/auth/resource':
      case '/auth/topic': {
        /** @type {ResourceCall} */
        const call = {
          username: field('username'),
          vhost: field('vhost'),
          resource: field('resource'),
          name: field('name'),
          permission: field('permission')
        };
        if (path === '/auth/topic') calls.topic.push({ ...call, routingKey: field('routing_key') });
        else calls.resource.push(call);
        return answer(200, 'allow');
      }
      default:
        return answer(404, 'deny');
    }
  } catch (error) {
    answer(500, 'deny');
    process.stderr.write(`rabbitmq-auth: ${error instanceof Error ? error.message : error}\n`);
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);
});
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
