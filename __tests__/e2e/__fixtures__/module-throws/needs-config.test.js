const { log } = require('./logger');

log('loading');
if (!process.env.SOME_REQUIRED_CONFIG) throw new Error('SOME_REQUIRED_CONFIG is not set');

test('never runs', () => {
  expect(1).toBe(1);
});
