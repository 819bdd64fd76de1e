import { createServer, type Server } from 'node:net';

let server: Server;
describe('a server opened in beforeAll and never closed', () => {
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  });
  // Closed only after the describe block was checked, so that the run can end.
  afterAll(() => {
    setTimeout(() => server.close(), 300).unref();
  });

  test('a test inside passes', () => {
    expect(server.listening).toBe(true);
  });
});
