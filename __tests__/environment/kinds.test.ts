import { describeResource } from '../../src/environment/kinds';

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
