/**
 * The preset's test environment (`jest-preset-async/environment`): Jest's Node environment, and
 * the place where leak detection plugs in. For now it adds only what the matchers need to speak
 * clearly (the method names of spies); otherwise it behaves as `testEnvironment: 'node'`.
 *
 * It extends the `jest-environment-node` of the project's own Jest (29 or 30): see nodeEnvironment.ts.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { FAKE_TIMERS_PROBE } from '../helpers/fakeTimers';
import { loadNodeEnvironment } from './nodeEnvironment';
import { recordSpyNames } from './spyNames';

const { TestEnvironment } = loadNodeEnvironment();

export default class AsyncEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    if (this.moduleMocker) recordSpyNames(this.moduleMocker, this.global);
    // Which fake timers are installed, for the matchers and helpers that wait on the test's clock.
    const faking = (timers: unknown) => (timers as { _fakingTime?: boolean } | null)?._fakingTime === true;
    (this.global as unknown as Record<symbol, unknown>)[FAKE_TIMERS_PROBE] = () =>
      faking(this.fakeTimersModern) ? 'modern' : faking(this.fakeTimers) ? 'legacy' : null;
  }
}
export { AsyncEnvironment as TestEnvironment };
