import { mock } from 'jest-mock-extended';
import { failureOf } from '../helpers/failure';

interface Store {
  lock(): void;
  write(data: string): void;
  unlock(): void;
}

const named = (name: string) => jest.fn().mockName(name);

describe('.toHaveBeenCalledInOrder', () => {
  test('after a(); b(); a(): [a, b, a] and [a, b] pass', () => {
    const a = named('a');
    const b = named('b');
    a();
    b();
    a();
    expect([a, b, a]).toHaveBeenCalledInOrder();
    expect([a, b]).toHaveBeenCalledInOrder();
    expect([b, a]).not.toHaveBeenCalledInOrder();
  });

  test('each entry takes the next unused call of its mock: lock, write, lock', () => {
    const lock = named('lock');
    const write = named('write');
    lock();
    write('x');
    lock();
    expect([lock, write, lock]).toHaveBeenCalledInOrder();
    expect([lock, lock, write]).not.toHaveBeenCalledInOrder();
  });

  test('works with jest.spyOn and jest-mock-extended mocks', () => {
    const target = { connect: () => 'real', close: () => undefined };
    const connect = jest.spyOn(target, 'connect');
    const close = jest.spyOn(target, 'close');
    const store = mock<Store>();
    target.connect();
    store.lock();
    store.write('x');
    store.unlock();
    target.close();
    expect([connect, store.lock, store.write, store.unlock, close]).toHaveBeenCalledInOrder();
    expect([close, connect]).not.toHaveBeenCalledInOrder();
  });

  test('the alias toBeCalledInOrder behaves the same and names itself in the hint', async () => {
    const a = named('a');
    const b = named('b');
    b();
    a();
    expect([b, a]).toBeCalledInOrder();
    const message = await failureOf(() => expect([a, b]).toBeCalledInOrder());
    expect(message).toMatch(/^expect\(received\)\.toBeCalledInOrder\(\)/);
  });

  test('fails when an entry came too early, naming it and printing the timeline', async () => {
    const lock = named('lock');
    const write = named('write');
    write('early');
    lock();
    const message = await failureOf(() => expect([lock, write]).toHaveBeenCalledInOrder());
    expect(message).toBe(
      'expect(received).toHaveBeenCalledInOrder()\n\n' +
        'Expected: called in the order lock → write\n' +
        'Received: entry 2 (write, 1st call) came before entry 1 (lock, 1st call)\n\n' +
        'Call timeline:\n' +
        '  1. write (1st call)\n' +
        '  2. lock (1st call)',
    );
  });

  test('fails when an entry has no call left, saying how often it was called', async () => {
    const lock = named('lock');
    const write = named('write');
    lock();
    write();
    const message = await failureOf(() => expect([lock, write, lock]).toHaveBeenCalledInOrder());
    expect(message).toContain('Received: entry 3 (lock) has no 2nd call; it was called 1 time');
  });

  test('mocks that share a name are told apart by number', async () => {
    const first = named('send');
    const second = named('send');
    first();
    second();
    expect(await failureOf(() => expect([second, first]).toHaveBeenCalledInOrder())).toContain(
      'Expected: called in the order send #1 → send #2',
    );
  });

  test('mocks without a name are told apart by number', async () => {
    const first = jest.fn();
    const second = jest.fn();
    second();
    const message = await failureOf(() => expect([first, second]).toHaveBeenCalledInOrder());
    expect(message).toContain('Expected: called in the order mock #1 → mock #2');
    expect(message).toContain('Received: entry 1 (mock #1) has no 1st call; it was called 0 times');
    expect(message).toContain('  1. mock #2 (1st call)');
  });

  test('a spy is named after its method', async () => {
    const target = { connect: () => 'real' };
    const connect = jest.spyOn(target, 'connect');
    const message = await failureOf(() => expect([connect]).toHaveBeenCalledInOrder());
    expect(message).toContain('Call timeline: none of the mocks was called');
    expect(message).toContain('Received: entry 1 (connect) has no 1st call; it was called 0 times');
  });
});

describe('.not.toHaveBeenCalledInOrder', () => {
  test('passes when the order differs', () => {
    const a = named('a');
    const b = named('b');
    b();
    a();
    expect([a, b]).not.toHaveBeenCalledInOrder();
  });

  test('fails when the calls happened in this order', async () => {
    const a = named('a');
    const b = named('b');
    a();
    b();
    const message = await failureOf(() => expect([a, b]).not.toHaveBeenCalledInOrder());
    expect(message).toBe(
      'expect(received).not.toHaveBeenCalledInOrder()\n\n' +
        'Expected: not called in the order a → b\n' +
        'Received: the calls happened in this order\n\n' +
        'Call timeline:\n' +
        '  1. a (1st call)\n' +
        '  2. b (1st call)',
    );
  });
});

describe('.toHaveBeenCalledInOrder bad input', () => {
  test.each([
    ['not an array', jest.fn(), 'received value must be a non-empty array of mocks or spies'],
    ['an empty array', [], 'received value must be a non-empty array of mocks or spies'],
    ['an array with a plain function', [jest.fn(), () => undefined], 'received[1] must be a mock or spy function'],
    ['an array with a string', ['lock'], 'received[0] must be a mock or spy function'],
  ])('%s is a matcher error, also under .not', async (_what, received, problem) => {
    for (const assertion of [() => expect(received).toHaveBeenCalledInOrder(), () => expect(received).not.toHaveBeenCalledInOrder()]) {
      expect(await failureOf(assertion)).toContain(`Matcher error: ${problem}`);
    }
  });

  test('an argument is a matcher error', async () => {
    const a = jest.fn();
    const message = await failureOf(() => (expect([a]).toHaveBeenCalledInOrder as (arg: unknown) => void)(a));
    expect(message).toContain('Matcher error: this matcher must not have an expected argument');
  });
});
