/**
 * `preset: 'jest-preset-async/esm'`: the preset for Jest's native ESM mode
 * (`node --experimental-vm-modules node_modules/jest/bin/jest.js`): TypeScript stays ESM
 * (ts-jest `useESM`, `.ts`/`.tsx`/`.mts` treated as ESM), with the same environment and leak detection.
 */
import { createPreset } from '../preset';

export = createPreset({ typecheck: false, esm: true });
