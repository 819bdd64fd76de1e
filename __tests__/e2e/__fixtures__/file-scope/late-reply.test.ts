// Replies that arrive after the test, from a driver's own unref'd timer and from a server's timer.
import { once } from 'node:events';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';

const seen: number[] = [];

test('waits on a reply that arrives 80 ms after it', () => {
  new Promise<number>((resolve) => setTimeout(resolve, 80, 1).unref()).then((value) => seen.push(value));
});

test('a server replies from a timer after the test', async () => {
  const server = createServer((_request, response) => void setTimeout(() => response.end('late'), 60));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  get({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', agent: false }, (response) => {
    response.resume();
    response.on('end', () => server.close());
  });
  await once(server, 'request');
});

test('the file goes on while the replies arrive', async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(seen).toEqual([1]);
});
