test('uses the DOM', () => {
  expect(document.createElement('div').tagName).toBe('DIV');
});
