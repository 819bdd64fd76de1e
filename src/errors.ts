/** Every public error class of the package; each sets `name`, so it prints and matches by name. */

/** A deadline of `withTimeout` passed before the operation settled. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';

  /**
   * @param ms the limit that passed
   * @param message replaces the default `Timed out after <ms> ms`
   */
  constructor(
    readonly ms: number,
    message?: string,
    options?: { cause?: unknown },
  ) {
    super(message ?? `Timed out after ${ms} ms`, options);
  }
}
