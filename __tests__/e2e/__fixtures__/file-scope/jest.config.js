// The default verdict (`scope: 'file'`): what a file closes in afterAll is not a leak.
module.exports = { preset: 'jest-preset-async' };
