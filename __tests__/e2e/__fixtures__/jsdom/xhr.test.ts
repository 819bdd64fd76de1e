/**
 * @jest-preset-async scope=test
 */
// jsdom's XMLHttpRequest runs on Node's http: its socket is tracked and named by the send() line.
import { createServer, type Server } from 'node:http';

let server: Server;
let url = '';
let left: XMLHttpRequest | undefined;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/never') return;
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.end('ok');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  left?.abort();
  return new Promise<void>((closed) => server.close(() => closed()));
});

test('an awaited XMLHttpRequest', async () => {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', `${url}/`);
  await new Promise((loaded) => {
    xhr.onload = loaded;
    xhr.send();
  });
  expect(xhr.responseText).toBe('ok');
});

test('leaks an XMLHttpRequest', () => {
  left = new XMLHttpRequest();
  left.open('GET', `${url}/never`);
  left.send();
});
