import { deferred, trackConcurrency } from 'jest-preset-async';
import { Agent, MessageBus, Orchestrator, type Task } from '../src';

const tasks = (n: number): Task[] => Array.from({ length: n }, (_, i) => ({ id: `t${i}`, input: i }));

describe('Orchestrator', () => {
  let orchestrator: Orchestrator;
  afterEach(() => orchestrator.shutdown());

  function withAgents(count: number, work: (task: Task) => Promise<number>) {
    const bus = new MessageBus();
    orchestrator = new Orchestrator();
    for (let i = 0; i < count; i++) {
      const agent = new Agent({ name: `agent-${i}`, bus, work });
      agent.start();
      orchestrator.register(agent);
    }
  }

  test('runs the tasks across its agents concurrently', async () => {
    const work = trackConcurrency(async (task: Task) => task.input * 10);
    withAgents(3, work);
    await expect(orchestrator.run(tasks(3))).resolves.toEqual([0, 10, 20]);
    expect(work).toHaveRunConcurrently(3);
  });

  test('waits for the slowest agent, whatever order they finish in', async () => {
    const gates = tasks(3).map(() => deferred<number>());
    const work = jest.fn((task: Task) => gates[task.input]!.promise);
    withAgents(3, work);

    const running = orchestrator.run(tasks(3));
    await expect(running).toBePending();
    gates[2]!.resolve(2);
    gates[0]!.resolve(0);
    await expect(running).toBePending();
    gates[1]!.resolve(1);
    await expect(running).resolves.toEqual([0, 1, 2]);
    await expect(work).toHaveResolvedWith(1);
  });

  test('a failing agent fails the run with its error', async () => {
    withAgents(2, async (task) => {
      if (task.input === 1) throw new RangeError(`input ${task.input} out of range`);
      return task.input;
    });
    await expect(orchestrator.run(tasks(2))).toRejectWith(RangeError, 'out of range');
  });

  test('refuses a second agent with the same name, and a run with none', async () => {
    withAgents(1, async () => 0);
    expect(() => orchestrator.register(new Agent({ name: 'agent-0', bus: new MessageBus(), work: async () => 0 }))).toThrow(
      'an agent named agent-0 is already registered',
    );
    await orchestrator.shutdown();
    await expect(orchestrator.run(tasks(1))).toRejectWith('no agent is registered');
  });
});
