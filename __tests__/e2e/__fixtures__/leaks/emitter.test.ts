import { EventEmitterAsyncResource } from 'node:events';

// A bus with an async context of its own, made by the first test: its listeners run in that context.
let bus: EventEmitterAsyncResource;
const jobs: NodeJS.Timeout[] = [];
afterAll(() => jobs.forEach(clearInterval));

test('creates the bus and its listener', () => {
  bus = new EventEmitterAsyncResource({ name: 'Bus' });
  bus.on('job', () => jobs.push(setInterval(() => undefined, 1000)));
});

test('emits a job whose listener leaks an interval', () => {
  bus.emit('job');
});
