/**
 * `testEnvironment: 'jest-preset-async/environment-jsdom'`: the project's jest-environment-jsdom
 * with the same leak detection as the Node environment (index.ts), where it applies (README, "jsdom").
 *
 * The test's global is the jsdom window. Its timers are Node timers underneath: `window.setTimeout`
 * calls Node's `setTimeout` from jsdom's Window.js, and `window.setInterval` is a chain of Node
 * `setTimeout`s, each set from the last one's callback. The tracker sees them as any timer; this
 * file tells the detector that a Window.js frame is the user's call, and that such a chain is an
 * interval. jsdom's window has no `fetch` (nothing to wrap); Node's own modules work as under Node.
 *
 * The base class is found from the project's rootDir, known only when Jest constructs the
 * environment: the exported constructor builds (once per copy of jest-environment-jsdom) the
 * leak-detecting class over it and returns an instance of that.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { sep } from 'node:path';
import { describeResource } from './kinds';
import { withLeakDetection, type AsyncEnvironmentClass, type Host } from './index';
import type { HandleRecord } from './tracker';
import { loadJsdomEnvironment } from './jsdomEnvironment';

/** jsdom's window API (setTimeout, setInterval, requestAnimationFrame): its frames are the user's call. */
const WINDOW_FILE = `${sep}jsdom${sep}lib${sep}jsdom${sep}browser${sep}Window.js`;

/** Whether the stack that made a timer has a frame of jsdom's `window.<method>`. */
const madeByWindow = (handle: HandleRecord, method: string): boolean =>
  (handle.site.stack ?? '').split('\n').some((line) => line.includes(WINDOW_FILE) && new RegExp(`\\b${method}\\b`).test(line));

const JSDOM_HOST: Host = {
  apiFrames: [WINDOW_FILE],
  describe(handle, resource) {
    if (handle.type !== 'Timeout') return undefined;
    // Each run re-arms the chain from jsdom's own task: one interval, of the user's period.
    if (madeByWindow(handle, 'setInterval')) return { kind: 'interval', what: describeResource('interval', handle.type, resource) };
    // jsdom runs animation frames on a Node interval while a callback is requested (one per frame in a loop).
    if (madeByWindow(handle, 'requestAnimationFrame')) {
      return {
        kind: 'interval',
        what: "requestAnimationFrame callback (jsdom's frame timer, every 16 ms)",
        hint: 'cancel it with cancelAnimationFrame(), or end the loop that requests the next frame (for example in afterEach)',
      };
    }
    return undefined;
  },
};

const classes = new Map<string, AsyncEnvironmentClass>();

function environmentFor(rootDir: string): AsyncEnvironmentClass {
  const { path, TestEnvironment } = loadJsdomEnvironment(rootDir);
  let environment = classes.get(path);
  if (!environment) classes.set(path, (environment = withLeakDetection(TestEnvironment, JSDOM_HOST)));
  return environment;
}

/** Jest constructs this: an instance of the leak-detecting class over the project's jest-environment-jsdom. */
const AsyncJsdomEnvironment = function AsyncJsdomEnvironment(config: JestEnvironmentConfig, context: EnvironmentContext) {
  return new (environmentFor(config.projectConfig.rootDir))(config, context);
} as unknown as AsyncEnvironmentClass;

export default AsyncJsdomEnvironment;
export { AsyncJsdomEnvironment as TestEnvironment };
