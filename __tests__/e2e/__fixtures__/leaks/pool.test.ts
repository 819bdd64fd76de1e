import { Agent, createServer, get, type Server } from 'node:http';

// One keep-alive socket, shared through the agent's pool: the test that takes it owns it.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => (request.url === '/hang' ? undefined : response.end('ok')));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  agent.destroy();
  server.closeAllConnections();
  server.close();
});

test('a clean request returns the socket to the pool', async () => {
  const status = await new Promise((done) => get({ port, host: '127.0.0.1', agent }, (response) => response.resume().on('end', () => done(response.statusCode))));
  expect(status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 20));
});

test('leaks the pooled socket it took', async () => {
  get({ port, host: '127.0.0.1', path: '/hang', agent }).on('error', () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 20));
});
