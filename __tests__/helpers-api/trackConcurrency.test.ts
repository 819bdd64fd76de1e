import { deferred, trackConcurrency } from '../../src';
import { failureOf } from '../helpers/failure';

describe('trackConcurrency', () => {
  test('records the calls in flight, from start to settle, without timing', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const work = trackConcurrency(async (i: number) => {
      await gates[i]!.promise;
      return i * 10;
    });
    const all = Promise.all([work(0), work(1), work(2)]);
    expect(work.inFlight).toBe(3);
    gates[1]!.resolve();
    gates[0]!.resolve();
    gates[2]!.resolve();
    await expect(all).resolves.toEqual([0, 10, 20]);
    expect(work.maxInFlight).toBe(3);
    expect(work.calls).toBe(3);
    expect(work.inFlight).toBe(0);
    expect(work.timeline.map(({ event, call }) => `${event} ${call}`)).toEqual(['start 1', 'start 2', 'start 3', 'end 2', 'end 1', 'end 3']);
  });

  test('a call that rejects or throws synchronously still ends', async () => {
    const failing = trackConcurrency(async () => {
      throw new Error('async');
    });
    await expect(failing()).rejects.toThrow('async');
    const throwing = trackConcurrency((): number => {
      throw new Error('sync');
    });
    expect(() => throwing()).toThrow('sync');
    expect([failing.inFlight, throwing.inFlight]).toEqual([0, 0]);
  });

  test('bad input is a TypeError that says what was wrong', () => {
    expect(() => trackConcurrency('fn' as unknown as () => void)).toThrow(new TypeError("trackConcurrency: fn must be a function, received 'fn'"));
  });
});

describe('.toHaveRunConcurrently', () => {
  const sequential = async () => {
    const step = trackConcurrency(async () => undefined);
    for (let i = 0; i < 3; i++) await step();
    return step;
  };
  const parallel = async () => {
    const step = trackConcurrency(async () => undefined);
    await Promise.all([step(), step()]);
    return step;
  };

  test('passes when at least min calls overlapped (default 2)', async () => {
    expect(await parallel()).toHaveRunConcurrently();
    expect(await parallel()).toHaveRunConcurrently(2);
    expect(await sequential()).toHaveRunConcurrently(1);
  });

  test('fails saying it ran one at a time, with the timeline', async () => {
    const step = await sequential();
    const message = await failureOf(() => expect(step).toHaveRunConcurrently());
    expect(message).toBe(
      'expect(received).toHaveRunConcurrently(min)\n\n' +
        'Expected: at least 2 calls in flight at once\n' +
        'Received: it ran one at a time (3 calls)\n\n' +
        'Timeline:\n' +
        '  start call 1 (1 in flight)\n' +
        '  end   call 1 (0 in flight)\n' +
        '  start call 2 (1 in flight)\n' +
        '  end   call 2 (0 in flight)\n' +
        '  start call 3 (1 in flight)\n' +
        '  end   call 3 (0 in flight)',
    );
  });

  test('fails saying how many overlapped at most', async () => {
    expect(await failureOf(async () => expect(await parallel()).toHaveRunConcurrently(3))).toContain('Received: at most 2 calls overlapped (2 calls)');
  });

  test('.not passes when fewer overlapped and fails otherwise', async () => {
    expect(await sequential()).not.toHaveRunConcurrently();
    const message = await failureOf(async () => expect(await parallel()).not.toHaveRunConcurrently());
    expect(message).toContain('Expected: fewer than 2 calls in flight at once');
  });

  test('a function that was never called', async () => {
    const idle = trackConcurrency(async () => undefined);
    expect(await failureOf(() => expect(idle).toHaveRunConcurrently())).toContain('Received: it was never called\n\nTimeline: no call was made');
  });

  test.each([
    ['a plain function', () => expect(async () => undefined).toHaveRunConcurrently(), 'received value must be a function made by trackConcurrency()'],
    ['a min of 0', () => expect(trackConcurrency(async () => 1)).toHaveRunConcurrently(0), 'min must be a whole number of calls, 1 or more'],
    ['a fractional min', () => expect(trackConcurrency(async () => 1)).not.toHaveRunConcurrently(1.5), 'min must be a whole number of calls, 1 or more'],
  ])('bad input: %s is a matcher error', async (_what, assertion, problem) => {
    expect(await failureOf(assertion)).toContain(`Matcher error: ${problem}`);
  });
});
