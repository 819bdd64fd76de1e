const { createServer } = require('node:net');

module.exports = async () => {
  const server = createServer();
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  // Never closed: the preset's globalTeardown reports it, and unrefs it so that the run still ends.
};
