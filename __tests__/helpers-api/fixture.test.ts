import { fixture } from '../../src';

const log: string[] = [];

describe('fixture with a teardown', () => {
  let made = 0;
  const connection = fixture(
    async () => {
      log.push('setup');
      return { id: ++made, open: true };
    },
    async (value) => {
      value.open = false;
      log.push(`teardown ${value.id}`);
    },
  );

  test('gives each test a fresh value', () => {
    expect(connection()).toEqual({ id: 1, open: true });
  });

  test('set up again for the next test, after the first was torn down', () => {
    expect(connection()).toEqual({ id: 2, open: true });
    expect(log).toEqual(['setup', 'teardown 1', 'setup']);
  });
});

describe('fixture without a teardown disposes the value', () => {
  const disposed: string[] = [];
  const asyncResource = fixture(() => ({ [Symbol.asyncDispose]: async () => void disposed.push('async') }));
  const syncResource = fixture(() => ({ [Symbol.dispose]: () => void disposed.push('sync') }));
  const plain = fixture(() => 42);

  test('first test', () => {
    expect(typeof asyncResource()[Symbol.asyncDispose]).toBe('function');
    expect(typeof syncResource()[Symbol.dispose]).toBe('function');
    expect(plain()).toBe(42);
  });

  test('both were disposed after the first test', () => {
    // Jest runs afterEach hooks in the order they were declared, so fixtures are torn down in that order.
    expect(disposed).toEqual(['async', 'sync']);
  });
});

describe('fixture outside a test', () => {
  const value = fixture(function database() {
    return 'db';
  });
  let outside: unknown;
  beforeAll(() => {
    try {
      value();
    } catch (error) {
      outside = error;
    }
  });

  test('the accessor throws a clear error there', () => {
    expect(outside).toEqual(
      new Error(
        'fixture database: there is no value here. It exists inside the tests of the describe block that called fixture(), ' +
          'from its setup (beforeEach) to its teardown (afterEach); call the accessor inside a test, not in a describe body or beforeAll.',
      ),
    );
    expect(value()).toBe('db');
  });

  test('bad input is a TypeError that says what was wrong', () => {
    expect(() => fixture('db' as unknown as () => string)).toThrow(new TypeError("fixture: setup must be a function, received 'db'"));
  });
});
