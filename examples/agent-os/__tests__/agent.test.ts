import { eventually, fixture } from 'jest-preset-async';
import { Agent, MessageBus, type Task } from '../src';

const double = async (task: Task) => task.input * 2;

describe('Agent', () => {
  // One bus and one running agent per test, stopped after it even when the test fails.
  const bus = fixture(() => new MessageBus());
  const agent = fixture(
    () => {
      const started = new Agent({ name: 'worker', bus: bus(), heartbeatMs: 1000, work: double });
      started.start();
      return started;
    },
    (started) => started.stop(),
  );

  test('handles a task and publishes the result', async () => {
    const results = jest.fn();
    bus().subscribe('results', results);
    await expect(agent().handle({ id: 't1', input: 21 })).resolves.toBe(42);
    expect(results).toHaveBeenCalledWith({ agent: 'worker', id: 't1', output: 42 });
  });

  test('takes tasks from its topic on the bus', async () => {
    const results = jest.fn();
    bus().subscribe('results', results);
    await bus().publish('tasks.worker', { id: 't2', input: 5 });
    await eventually(() => expect(results).toHaveBeenCalledWith({ agent: 'worker', id: 't2', output: 10 }));
  });

  test('refuses to start twice', () => {
    expect(() => agent().start()).toThrow('agent worker is already running');
  });

  test('a stopped agent rejects new tasks', async () => {
    await agent().stop();
    await expect(agent().handle({ id: 'late', input: 1 })).toRejectWith(Error, 'agent worker is stopped');
  });
});

describe('Agent heartbeat', () => {
  test('beats once per interval, on a fake clock', async () => {
    jest.useFakeTimers();
    const bus = new MessageBus();
    const beats = jest.fn();
    bus.subscribe('heartbeat', beats);
    {
      await using agent = new Agent({ name: 'pulse', bus, heartbeatMs: 1000, work: double });
      agent.start();
      await jest.advanceTimersByTimeAsync(3500);
      expect(beats.mock.calls).toEqual([[{ agent: 'pulse', beat: 1 }], [{ agent: 'pulse', beat: 2 }], [{ agent: 'pulse', beat: 3 }]]);
    }
    // `await using` stopped it: no more beats.
    await jest.advanceTimersByTimeAsync(5000);
    expect(beats).toHaveBeenCalledTimes(3);
    jest.useRealTimers();
  });
});

describe('Agent.run (cancellation)', () => {
  const bus = fixture(() => new MessageBus());

  // Cancellation: wherever the abort lands, run() stops everything it started and settles.
  test('run(signal) stops cleanly wherever it is aborted', async () => {
    const statuses = jest.fn();
    bus().subscribe('status', statuses);
    await expect((signal: AbortSignal) => new Agent({ name: 'runner', bus: bus(), work: double }).run(signal)).toAbortCleanly({ everyStep: true });
    expect(statuses).toHaveBeenLastCalledWith({ agent: 'runner', state: 'stopped' });
  });

  test('a run that was told to stop before it started does not start', async () => {
    const runner = new Agent({ name: 'runner', bus: bus(), work: double });
    await expect(runner.run(AbortSignal.abort())).toRejectWith({ name: 'AbortError' });
    expect(runner.started).toBe(false);
  });
});
