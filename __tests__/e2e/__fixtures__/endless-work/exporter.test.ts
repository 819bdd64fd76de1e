// A telemetry exporter that compresses batches (jobs of the thread pool) until it is stopped; the test never stops it.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const compress = promisify(gzip);

class Exporter {
  exported = 0;
  private stopped = false;
  start(batch: string): void {
    void (async () => {
      while (!this.stopped) this.exported += (await compress(batch)).length;
    })();
  }
  stop(): void {
    this.stopped = true;
  }
}

test('starts an exporter and never stops it', () => {
  const exporter = new Exporter();
  exporter.start(JSON.stringify(Array.from({ length: 200 }, (_, id) => ({ id, span: `span ${id}` }))));
  expect(exporter.exported).toBe(0);
});

test('stops its own exporter', async () => {
  const exporter = new Exporter();
  exporter.start('{}');
  await new Promise((resolve) => setTimeout(resolve, 10));
  exporter.stop();
  expect(exporter.exported).toBeGreaterThan(0);
});
