/** A worker with a heartbeat, as a message-bus client has one. `run` forgets the heartbeat when the handshake is aborted. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

export class Worker {
  heartbeat: NodeJS.Timeout | undefined;

  start(): void {
    this.heartbeat = setInterval(() => undefined, 1000);
  }

  stop(): void {
    clearInterval(this.heartbeat);
  }

  async run(signal: AbortSignal): Promise<void> {
    await sleep(5, signal); // connect
    this.start();
    await sleep(5, signal); // handshake: the heartbeat is not stopped if the abort lands here
    try {
      await sleep(5, signal); // work
    } finally {
      this.stop();
    }
  }
}
