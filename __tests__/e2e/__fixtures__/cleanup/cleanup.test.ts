import { sleep, Worker } from './worker';

test('a worker started and stopped leaves nothing running', async () => {
  const worker = new Worker();
  await expect(async () => {
    worker.start();
    worker.stop();
  }).toLeaveNothingRunning();
});

test('a worker left running fails the assertion', async () => {
  const worker = new Worker();
  try {
    await expect(() => worker.start()).toLeaveNothingRunning();
  } finally {
    worker.stop();
  }
});

test('what the assertion saw and the test released is not reported again', async () => {
  const worker = new Worker();
  await expect(() => worker.start()).not.toLeaveNothingRunning();
  worker.stop();
});

test('what the assertion saw and the test did not release is the test leak', async () => {
  const worker = new Worker();
  await expect(() => worker.start()).not.toLeaveNothingRunning();
});

test('an abortable sleep stops cleanly at every step', async () => {
  await expect((signal: AbortSignal) => sleep(20, signal)).toAbortCleanly({ everyStep: true });
});

test('every step of the worker: the handshake leaks', async () => {
  await expect((signal: AbortSignal) => new Worker().run(signal)).toAbortCleanly({ everyStep: true });
});

test('times out inside a cleanup assertion', async () => {
  await expect(() => new Promise<void>((resolve) => setTimeout(resolve, 600_000))).toLeaveNothingRunning();
}, 300);
