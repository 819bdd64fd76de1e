/**
 * @jest-preset-async handles=loud
 */
test('never runs: the pragma is wrong', () => undefined);
