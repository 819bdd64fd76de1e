import { createSocket, type Socket } from 'node:dgram';

let socket: Socket;
test('leaks a UDP socket', async () => {
  socket = createSocket('udp4');
  await new Promise<void>((bound) => socket.bind(0, '127.0.0.1', bound));
});
afterAll(() => socket.close());
