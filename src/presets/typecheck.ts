/** `preset: 'jest-preset-async/typecheck'`: the preset, with ts-jest reporting type errors. */
import { createPreset } from '../preset';

export = createPreset({ typecheck: true });
