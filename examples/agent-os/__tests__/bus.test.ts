import { collect, deferred, flushPromises } from 'jest-preset-async';
import { MessageBus, NoResponderError, RequestTimeoutError } from '../src';

describe('MessageBus', () => {
  test('delivers a message to every subscriber, in the order they subscribed', async () => {
    const bus = new MessageBus();
    const audit = jest.fn().mockName('audit');
    const billing = jest.fn().mockName('billing');
    bus.subscribe('orders', audit);
    bus.subscribe('orders', billing);

    await expect(bus.publish('orders', { id: 1 })).resolves.toBe(2);
    expect([audit, billing]).toHaveBeenCalledInOrder();
    expect(billing).toHaveBeenCalledWith({ id: 1 });
  });

  test('publish waits for async handlers', async () => {
    const bus = new MessageBus();
    const handled = deferred();
    bus.subscribe('orders', () => handled.promise);

    const publishing = bus.publish('orders', {});
    await expect(publishing).toBePending();
    handled.resolve();
    await expect(publishing).toResolveWithin(100);
  });

  test('request gets the reply of the responder', async () => {
    const bus = new MessageBus();
    bus.respond('math.double', async (n: number) => n * 2);
    await expect(bus.request('math.double', 21)).resolves.toBe(42);
  });

  test('request without a responder rejects at once', async () => {
    await expect(new MessageBus().request('nobody', 1)).toRejectWith(NoResponderError, { topic: 'nobody' });
  });

  test('a request with no reply times out, on a fake clock', async () => {
    jest.useFakeTimers();
    const bus = new MessageBus();
    bus.respond('slow', () => new Promise(() => undefined));

    const request = bus.request('slow', 'hello', 500);
    await expect(request).toBePending();
    await jest.advanceTimersByTimeAsync(500);
    await expect(request).toRejectWith(RequestTimeoutError, /within 500 ms/);
    jest.useRealTimers();
  });

  test('a topic reads as an async stream, and leaving it unsubscribes', async () => {
    const bus = new MessageBus();
    const firstTwo = collect(bus.stream<string>('chat'), { limit: 2 });
    await flushPromises();
    expect(bus.subscriberCount('chat')).toBe(1);

    await bus.publish('chat', 'hi');
    await bus.publish('chat', 'there');
    await expect(firstTwo).resolves.toEqual(['hi', 'there']);
    expect(bus.subscriberCount('chat')).toBe(0);
  });
});
