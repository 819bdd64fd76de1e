import { watch, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';

let watcher: FSWatcher;
test('leaks a file watcher', () => {
  watcher = watch(tmpdir());
});
afterAll(() => watcher.close());
