const { TestEnvironment } = require('jest-preset-async/environment');

module.exports = class extends TestEnvironment {};
