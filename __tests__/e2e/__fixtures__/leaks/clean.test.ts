import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { withTimeout } from 'jest-preset-async';

let shared: Server;
beforeAll(async () => {
  shared = createServer();
  await new Promise<void>((listening) => shared.listen(0, '127.0.0.1', listening));
});
afterAll(() => new Promise<void>((closed) => shared.close(() => closed())));

test('a cleared timer', () => {
  clearTimeout(setTimeout(() => undefined, 10_000));
});

test('an unref timer', () => {
  setTimeout(() => undefined, 10_000).unref();
});

test('an awaited server close', async () => {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  await new Promise<void>((closed) => server.close(() => closed()));
});

test('the loser of a race whose timer was cleared', async () => {
  await expect(withTimeout(Promise.resolve('fast'), 10_000)).resolves.toBe('fast');
});

test('an abandoned promise that nothing can settle', () => {
  void new Promise(() => undefined);
});

test('an awaited child process', async () => {
  const child = spawn('true');
  await new Promise((exited) => child.on('exit', exited));
});

test('an immediate that runs within the grace period', () => {
  setImmediate(() => undefined);
});

test('a done callback', (done) => {
  setTimeout(done, 5);
});

test.each([1, 2])('test.each case %i', async (n) => {
  await new Promise((resolve) => setTimeout(resolve, n));
});

test('pending fake timers are not real handles', () => {
  jest.useFakeTimers();
  setTimeout(() => undefined, 10_000);
  jest.useRealTimers();
});

test('the server from beforeAll is in use', () => {
  expect(shared.listening).toBe(true);
});

test("a library's short one-shot timer ends by itself and is not reported", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('slow-lib').handshake();
});
