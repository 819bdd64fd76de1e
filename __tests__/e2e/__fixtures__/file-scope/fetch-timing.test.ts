// Node keeps 250 resource-timing entries a process, one per fetch: once the buffer is full, each
// fetch that ends sets an immediate in Node's own code. It is not the test's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
    response.end('{"error":"x"}');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((closed) => server.close(closed)));

test('fills the resource-timing buffer', async () => {
  for (let i = 0; i < 260; i++) await (await fetch(`${base}/ok`)).text();
});

test('awaits a 404 and its body', async () => {
  const response = await fetch(`${base}/missing`);
  await expect(response.text()).resolves.toContain('error');
  expect(response.status).toBe(404);
});
