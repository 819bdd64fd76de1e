import { connect, createServer, type Server, type Socket } from 'node:net';

// A client the file opens once; a test waits for a reply on it that never comes.
let server: Server;
let client: Socket;
beforeAll(async () => {
  server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  client = connect((server.address() as { port: number }).port, '127.0.0.1');
  await new Promise((connected) => client.once('connect', connected));
});
afterAll(() => {
  client.destroy();
  server.close();
});
// Jest runs it for every test, also for one whose beforeAll failed: that test's function still never ran.
afterEach(async () => {
  await Promise.resolve();
});

test('hangs waiting for a reply on the client from beforeAll', async () => {
  await new Promise((reply) => client.once('data', reply));
}, 300);

// Its beforeAll waits for a reply on the same client: the hook's timeout names that, for the file;
// the test under it never ran, and gets no note of its own.
describe('a beforeAll that waits on the shared client', () => {
  beforeAll(async () => {
    await new Promise((reply) => client.once('data', reply));
  }, 300);
  test('never runs, its beforeAll hung', () => undefined);
});
