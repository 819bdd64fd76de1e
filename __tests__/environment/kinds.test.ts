import { callbackOf, describeResource, onFire } from '../../src/environment/kinds';

describe('describeResource for timers', () => {
  test('names the delay of a live timer and the period of an interval', () => {
    const timer = setTimeout(() => undefined, 1234);
    const interval = setInterval(() => undefined, 50);
    try {
      expect(describeResource('timer', 'Timeout', timer)).toBe('setTimeout timer (1234 ms)');
      expect(describeResource('interval', 'Timeout', interval)).toBe('setInterval timer (every 50 ms)');
    } finally {
      clearTimeout(timer);
      clearInterval(interval);
    }
  });

  test('a cleared timer, whose delay Node resets to -1, shows no delay rather than -1 ms', () => {
    const timer = setTimeout(() => undefined, 1234);
    const interval = setInterval(() => undefined, 50);
    clearTimeout(timer);
    clearInterval(interval);
    expect(describeResource('timer', 'Timeout', timer)).toBe('setTimeout timer');
    expect(describeResource('interval', 'Timeout', interval)).toBe('setInterval timer (every 50 ms)');
  });
});

describe('onFire and callbackOf', () => {
  test('a wrapped callback still runs, with its arguments, and reports each firing', async () => {
    const fired: string[] = [];
    const ran: unknown[] = [];
    const timer = setTimeout((value: unknown) => ran.push(value), 5, 'argument');
    const callback = callbackOf(timer);
    onFire(timer, () => fired.push('fired'));
    expect(callbackOf(timer)).toBe(callback);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ran).toEqual(['argument']);
    expect(fired).toEqual(['fired']);
  });

  test('a timer cleared before it fires reports nothing, and wrapping twice keeps the callback', () => {
    const fired: string[] = [];
    const callback = () => undefined;
    const timer = setTimeout(callback, 1000);
    onFire(timer, () => fired.push('first'));
    onFire(timer, () => fired.push('second'));
    expect(callbackOf(timer)).toBe(callback);
    clearTimeout(timer);
    expect(fired).toEqual([]);
    expect(() => onFire(undefined, () => undefined)).not.toThrow();
  });
});
