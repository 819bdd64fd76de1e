import { mock, mockSequence } from 'jest-preset-async';
import { RetriesExhaustedError, RetryingClient, type Transport } from '../src';

describe('RetryingClient', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('fails twice, then succeeds: backoff on a fake clock', async () => {
    const transport = mock<Transport>();
    transport.send.mockImplementation(mockSequence([new Error('ECONNRESET'), new Error('ETIMEDOUT'), 'pong']));
    const client = new RetryingClient(transport, { attempts: 3, backoffMs: 100 });

    // 100 ms + 200 ms of backoff: within 300 ms of fake time, not within 299.
    await expect(client.call('ping')).toResolveWithin(300);
    expect(transport.send).toHaveBeenCalledTimes(3);
    await expect(transport.send).toHaveRejectedWith('ETIMEDOUT');
    await expect(transport.send).toHaveResolvedWith('pong');
  });

  test('the backoff is really there', async () => {
    const transport = mock<Transport>();
    transport.send.mockImplementation(mockSequence([new Error('ECONNRESET'), new Error('ETIMEDOUT'), 'pong']));
    await expect(() => new RetryingClient(transport).call('ping')).not.toResolveWithin(299);
  });

  test('gives up after the last attempt, keeping the last error as the cause', async () => {
    const transport = mock<Transport>();
    transport.send.mockImplementation(mockSequence([new Error('down'), new Error('still down')]));
    const call = new RetryingClient(transport, { attempts: 2, backoffMs: 10 }).call('ping');
    // Attach the expectation before moving the clock: the rejection happens while it moves.
    const givesUp = expect(call).toRejectWith(RetriesExhaustedError, { attempts: 2, cause: new Error('still down') });
    await jest.advanceTimersByTimeAsync(10);
    await givesUp;
  });
});
