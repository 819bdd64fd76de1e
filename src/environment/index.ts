/**
 * The preset's test environment (`jest-preset-async/environment`): Jest's Node environment, and
 * the place where leak detection plugs in. For now it adds only what the matchers need to speak
 * clearly (the method names of spies); otherwise it behaves as `testEnvironment: 'node'`.
 *
 * It extends the `jest-environment-node` of the project's own Jest (29 or 30): see nodeEnvironment.ts.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { loadNodeEnvironment } from './nodeEnvironment';
import { recordSpyNames } from './spyNames';

const { TestEnvironment } = loadNodeEnvironment();

export default class AsyncEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    if (this.moduleMocker) recordSpyNames(this.moduleMocker, this.global);
  }
}
export { AsyncEnvironment as TestEnvironment };
