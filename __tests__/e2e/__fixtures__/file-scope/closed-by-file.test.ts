import { createServer, request, Agent, type Server } from 'node:http';

// A server and a keep-alive client that the tests share and the file closes in afterAll.
let server: Server;
let agent: Agent;
let heartbeat: NodeJS.Timeout;
afterAll(async () => {
  clearInterval(heartbeat);
  agent.destroy();
  await new Promise<void>((closed) => server.close(() => closed()));
});

const get = (port: number) =>
  new Promise<number>((done, fail) => {
    request({ port, host: '127.0.0.1', agent }, (response) => {
      response.resume();
      response.on('end', () => done(response.statusCode ?? 0));
    })
      .on('error', fail)
      .end();
  });

test('starts the server the file shares', async () => {
  server = createServer((_, response) => response.end('ok'));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  heartbeat = setInterval(() => undefined, 1000);
});

test('talks to it through a keep-alive agent', async () => {
  agent = new Agent({ keepAlive: true });
  const { port } = server.address() as { port: number };
  expect(await get(port)).toBe(200);
});
