/**
 * The preset's test environment (`jest-preset-async/environment`): Jest's Node environment,
 * the place where leak detection plugs in. Until it does, it behaves exactly as
 * `testEnvironment: 'node'`; pointing the preset here already lets projects adopt it unchanged.
 *
 * `jest-environment-node` is a peer dependency: the copy that the project's Jest (29 or 30)
 * installed is the one extended.
 */
import { TestEnvironment } from 'jest-environment-node';

export default class AsyncEnvironment extends TestEnvironment {}
export { AsyncEnvironment as TestEnvironment };
