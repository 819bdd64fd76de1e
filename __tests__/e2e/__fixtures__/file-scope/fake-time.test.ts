// Fake time, real work: an analytics client whose flushes compress (a job of the thread pool) one after another.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const compress = promisify(gzip);
const payload = JSON.stringify(Array.from({ length: 3000 }, (_, id) => ({ id, event: `page ${id}`, at: 1_700_000_000 + id })));

class Analytics {
  sent = 0;
  private last: Promise<void> = Promise.resolve();
  async isEnabled(flag: string): Promise<boolean> {
    await this.flush();
    return flag.length > 0;
  }
  flush(): Promise<void> {
    this.last = this.last.then(async () => {
      this.sent += (await compress(payload)).length;
    });
    return this.last;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const client = new Analytics();
const retries: Promise<void>[] = [];
let beats = 0;

jest.useFakeTimers();

test('checks flags in callbacks it does not wait for', () => {
  Array.from({ length: 400 }, (_, at) => `flag-${at}`).forEach(async (flag) => {
    expect(await client.isEnabled(flag)).toBe(true);
  });
});

test('schedules a retry that fake time never reaches', () => {
  const retry = sleep(60_000);
  retries.push(retry);
  void retry.then(() => client.flush());
});

test('starts a heartbeat that the next test drives', () => {
  void (async () => {
    for (;;) {
      await sleep(1000);
      beats++;
    }
  })();
});

test('advances fake time', async () => {
  await jest.advanceTimersByTimeAsync(3000);
  expect(beats).toBe(3);
});

test('awaits its own flush', async () => {
  const own = new Analytics();
  await own.flush();
  expect(own.sent).toBeGreaterThan(0);
});
