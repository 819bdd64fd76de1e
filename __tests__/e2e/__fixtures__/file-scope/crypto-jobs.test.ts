// crypto's jobs: one started with a callback the test did not wait for runs that callback later, as a timer would.
import { pbkdf2, pbkdf2Sync, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

const hashed: string[] = [];

test('starts a hash and does not wait for its callback', () => {
  pbkdf2('password', 'salt', 300_000, 64, 'sha512', () => hashed.push('late'));
});

test('runs while that hash finishes', async () => {
  while (!hashed.length) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(hashed).toEqual(['late']);
});

test('waits for the callback of its hash', (done) => {
  pbkdf2('password', 'salt', 1_000, 64, 'sha512', (error, key) => {
    expect(key).toHaveLength(64);
    done(error);
  });
});

test('awaits the promise form', async () => {
  await expect(promisify(scrypt)('password', 'salt', 32)).resolves.toHaveLength(32);
});

test('starts a promise-form hash whose result nobody reads', () => {
  void promisify(pbkdf2)('password', 'salt', 300_000, 64, 'sha512');
});

test('hashes synchronously', () => {
  expect(pbkdf2Sync('password', 'salt', 1_000, 64, 'sha512')).toHaveLength(64);
});

// A promisify by hand: its promise is what is judged, as util.promisify's; nobody reads this one.
const hash = (password: string) =>
  new Promise<Buffer>((resolve, reject) => pbkdf2(password, 'salt', 300_000, 64, 'sha512', (error, key) => (error ? reject(error) : resolve(key))));

test('starts a hand-promisified hash whose result nobody reads', () => {
  void hash('password');
});
