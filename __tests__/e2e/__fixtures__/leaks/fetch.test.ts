import { createServer, type Server } from 'node:http';

// A server that never replies: fetch's socket stays open until the file closes it.
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(() => undefined);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

test('leaks a fetch', () => {
  void fetch(url).then((response) => response.text(), () => undefined);
});

test('hangs on a fetch', async () => {
  await fetch(url).catch(() => undefined);
}, 300);

describe('a beforeEach that hangs on a fetch', () => {
  beforeEach(async () => {
    await fetch(url).catch(() => undefined);
  }, 300);
  test('runs after it', () => undefined);
});
