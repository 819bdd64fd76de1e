// Fake time, real work that outlasts the file: the last test leaves a key derivation computing, a callback waiting on it.
import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';

const derive = promisify(pbkdf2);
const keys: Buffer[] = [];

jest.useFakeTimers();

test('leaves a hash nobody reads, and a retry fake time never reaches', () => {
  void derive('password', 'salt', 300_000, 64, 'sha512');
  void new Promise<void>((resolve) => setTimeout(resolve, 60_000)).then(() => keys.push(Buffer.alloc(0)));
});

test('derives a key in a callback it does not wait for', () => {
  void derive('password', 'salt', 600_000, 64, 'sha512').then((key) => keys.push(key));
});
