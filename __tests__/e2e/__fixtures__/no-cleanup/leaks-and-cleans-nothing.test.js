const net = require('node:net');
test('leaks an interval and a server, cleans nothing', async () => {
  setInterval(() => undefined, 100);
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
});
test('later test', () => expect(1).toBe(1));
