import { Agent, createServer, get, type Server } from 'node:http';

// Connections a file keeps open between its tests, as API clients and DB pools do.
const agent = new Agent({ keepAlive: true });
const replies: string[] = [];
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((request, response) => (request.url === '/hang' ? undefined : setTimeout(() => response.end('late'), request.url === '/slow' ? 100 : 0)));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  agent.destroy();
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

test('warms the agent and fetch pools', async () => {
  await new Promise((done) => get(url, { agent }, (response) => response.resume().on('end', done)));
  expect(await (await fetch(url)).text()).toBe('late');
});

test('sends a request on a pooled socket and does not wait for the reply', () => {
  get(`${url}/slow`, { agent }, (response) => response.resume().on('end', () => replies.push('agent')));
});

test('fetches on a pooled connection and does not wait for the reply', () => {
  void fetch(`${url}/slow`).then((response) => response.text()).then(() => replies.push('fetch'));
});

test('the replies land while this test runs', async () => {
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(replies.sort()).toEqual(['agent', 'fetch']);
});

test('times out on a fetch over a pooled connection', async () => {
  await fetch(`${url}/hang`);
}, 300);

// A pool re-arms one idle timer on each release; the next acquire clears it before it ever fires.
let idle: NodeJS.Timeout | undefined;
const release = () => {
  clearTimeout(idle);
  idle = setTimeout(() => undefined, 10_000);
};
afterAll(() => clearTimeout(idle));

test('releases a client to the pool', () => {
  release();
});

test('releases it again', () => {
  release();
});

test('a later test takes the same pooled socket', async () => {
  await new Promise((done) => get(url, { agent }, (response) => response.resume().on('end', done)));
});
