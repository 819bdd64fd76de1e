import { Agent, createServer, get, type Server } from 'node:http';

// One keep-alive socket for two concurrent tests: the second request waits in the agent's queue
// until the first one is done, then takes the socket.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((request, response) => (request.url === '/hang' ? undefined : setTimeout(() => response.end('ok'), 30)));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  agent.destroy();
  server.closeAllConnections();
  server.close();
});

test.concurrent('a clean request that holds the pooled socket first', async () => {
  const status = await new Promise((done) => get({ port, host: '127.0.0.1', agent }, (response) => response.resume().on('end', () => done(response.statusCode))));
  expect(status).toBe(200);
});

test.concurrent('queues behind it for the socket and leaves it busy', async () => {
  get({ port, host: '127.0.0.1', path: '/hang', agent }).on('error', () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 100));
});
