test('leaks an animation loop', () => {
  const frame = () => requestAnimationFrame(frame);
  requestAnimationFrame(frame);
});
