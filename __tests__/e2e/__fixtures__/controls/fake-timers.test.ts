/**
 * @jest-preset-async fakeTimers=fail
 */
test('pending fake timers fail when the fakeTimers option is on', () => {
  jest.useFakeTimers();
  setTimeout(() => undefined, 1000);
  setInterval(() => undefined, 500);
});

test('run fake timers pass', () => {
  jest.useFakeTimers();
  setTimeout(() => undefined, 1000);
  jest.runAllTimers();
  jest.useRealTimers();
});

describe('fake timers switched back in afterEach', () => {
  afterEach(() => jest.useRealTimers());
  test('still counts the fake timers that were pending', () => {
    jest.useFakeTimers();
    setTimeout(() => undefined, 1000);
  });
});
