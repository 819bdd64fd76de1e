// Fake time that no test advances: what settles after a test was moved by real work (compression jobs).
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const compress = promisify(gzip);
const payload = JSON.stringify(Array.from({ length: 3000 }, (_, id) => ({ id, event: `page ${id}` })));
const seen: number[] = [];

jest.useFakeTimers();

test('compresses in a callback it does not wait for', () => {
  void compress(payload).then((body) => seen.push(body.length));
});

test('the file goes on while it compresses', async () => {
  for (let round = 0; round < 20; round++) await compress(payload);
  expect(seen).toHaveLength(1);
});

test('sets a fake timeout and leaves it', () => {
  void new Promise<void>((resolve) => setTimeout(resolve, 5000)).then(() => seen.push(0));
});
