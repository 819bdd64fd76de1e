/** Registers agents and spreads a job across them concurrently. */
import type { Agent, Task } from './agent';

export class Orchestrator {
  private readonly agents = new Map<string, Agent>();

  register(agent: Agent): void {
    if (this.agents.has(agent.name)) throw new Error(`an agent named ${agent.name} is already registered`);
    this.agents.set(agent.name, agent);
  }

  get size(): number {
    return this.agents.size;
  }

  /** Sends task i to agent i mod n, all at once; resolves with the outputs in task order. */
  async run(tasks: Task[]): Promise<number[]> {
    const agents = [...this.agents.values()];
    if (agents.length === 0) throw new Error('no agent is registered');
    return Promise.all(tasks.map((task, i) => (agents[i % agents.length] as Agent).handle(task)));
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.stop()));
    this.agents.clear();
  }
}
