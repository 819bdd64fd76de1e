// The project's own tests run under its own preset (dogfood).
module.exports = {
  preset: './jest-preset.js',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/__fixtures__/', '/__tests__/types/', '/__tests__/helpers/'],
};
