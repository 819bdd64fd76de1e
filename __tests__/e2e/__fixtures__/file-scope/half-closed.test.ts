// A raw client that sends a request, ends its side and never reads the reply; the server answers and closes (koa's tests).
import { createServer } from 'node:http';
import { connect } from 'node:net';

test('sends a request on a raw socket, ends it, and never reads the reply', async () => {
  const server = createServer((_, res) => res.end('ok'));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const client = connect((server.address() as { port: number }).port, '127.0.0.1');
  const answered = new Promise((done) => server.once('request', (_, res) => res.once('close', done)));
  client.end('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
  await answered;
  await new Promise((closed) => server.close(closed));
});
