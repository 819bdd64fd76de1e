export default { preset: 'jest-preset-async/esm' };
