import { createServer, type Server } from 'node:net';

// A later test closes what an earlier one started: the earlier one did not clean up after itself.
let server: Server;
let heartbeat: NodeJS.Timeout;

test('starts a server and a heartbeat a later test stops', async () => {
  server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  heartbeat = setInterval(() => undefined, 1000);
});

test('stops the server and the heartbeat', async () => {
  clearInterval(heartbeat);
  await new Promise((closed) => server.close(closed));
});

afterAll(() => undefined);
