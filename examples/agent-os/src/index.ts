export { Agent, type AgentOptions, type Task } from './agent';
export { MessageBus, NoResponderError, RequestTimeoutError, type Handler } from './bus';
export { RetriesExhaustedError, RetryingClient, type Transport } from './client';
export { Orchestrator } from './orchestrator';
