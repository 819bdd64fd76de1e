import { connect, createServer, type Server, type Socket } from 'node:net';

let server: Server;
let client: Socket;
beforeAll(async () => {
  server = createServer((accepted) => accepted.on('error', () => undefined));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
});
afterAll(async () => {
  server.close();
  for (const socket of await new Promise<Socket[]>((done) => done([client]))) socket.destroy();
});

test('leaks a client socket', async () => {
  const { port } = server.address() as { port: number };
  client = connect(port, '127.0.0.1');
  await new Promise((connected) => client.once('connect', connected));
});
