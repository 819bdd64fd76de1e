import { allowLeaks } from 'jest-preset-async';
import { keepAlive } from './pooled-client';

const timers: NodeJS.Timeout[] = [];
let release: (() => void) | undefined;
afterAll(() => {
  timers.forEach(clearTimeout);
  release?.();
});

test('allowLeaks lets this test leave a timer', () => {
  allowLeaks('timer');
  timers.push(setTimeout(() => undefined, 10_000));
});

test('the allowance does not carry over to the next test', () => {
  timers.push(setTimeout(() => undefined, 10_000));
});

test('an ignore rule by stack pattern', () => {
  timers.push(keepAlive());
});

test('a pending promise only warns (promises: warn)', () => {
  void new Promise<void>((resolve) => {
    release = resolve;
  }).then(() => undefined);
});

test('an unknown kind is a clear error', () => {
  expect(() => allowLeaks('timers' as 'timer')).toThrow(/allowLeaks: each kind must be one of 'timer', 'interval'/);
});

test('a test that fails for its own reason keeps its failure, with the leak added', () => {
  timers.push(setTimeout(() => undefined, 10_000));
  expect(1).toBe(2);
});

test('a test that throws a non-Error', () => {
  throw 'a plain string';
});
