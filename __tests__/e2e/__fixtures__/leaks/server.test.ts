import { createServer, type Server } from 'node:net';

let server: Server;
test('leaks a listening server', async () => {
  server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));
