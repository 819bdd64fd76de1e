/** A client that retries a flaky transport with exponential backoff. */
export interface Transport {
  send(request: string): Promise<string>;
}

export class RetriesExhaustedError extends Error {
  override name = 'RetriesExhaustedError';
  constructor(
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(`gave up after ${attempts} attempts`, options);
  }
}

export class RetryingClient {
  constructor(
    private readonly transport: Transport,
    private readonly options: { attempts?: number; backoffMs?: number } = {},
  ) {}

  async call(request: string): Promise<string> {
    const { attempts = 3, backoffMs = 100 } = this.options;
    let last: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.transport.send(request);
      } catch (error) {
        last = error;
        if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
      }
    }
    throw new RetriesExhaustedError(attempts, { cause: last });
  }
}
