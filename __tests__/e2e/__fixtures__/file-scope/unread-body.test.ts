// A response whose body the test never reads: its socket stops reading (backpressure) and does nothing.
import { createServer, type Server } from 'node:http';

const report = Buffer.alloc(4 * 1024 * 1024, 97);
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((_, res) => res.end(report));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

test('checks the status of a large download and never reads its body', async () => {
  const response = await fetch(`${url}/export`);
  expect(response.status).toBe(200);
});
