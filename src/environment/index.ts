/**
 * The preset's test environment (`jest-preset-async/environment`): Jest's Node environment, and
 * the place where leak detection plugs in. For now it adds only what the matchers need to speak
 * clearly (the method names of spies); otherwise it behaves as `testEnvironment: 'node'`.
 *
 * `jest-environment-node` is a peer dependency: the copy that the project's Jest (29 or 30)
 * installed is the one extended.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { recordSpyNames } from './spyNames';

export default class AsyncEnvironment extends TestEnvironment {
  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    if (this.moduleMocker) recordSpyNames(this.moduleMocker, this.global);
  }
}
export { AsyncEnvironment as TestEnvironment };
