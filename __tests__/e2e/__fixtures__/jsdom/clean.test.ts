test('a DOM test that waits for its timer', async () => {
  const button = document.createElement('button');
  const clicks: string[] = [];
  button.addEventListener('click', () => clicks.push('click'));
  document.body.appendChild(button);
  button.click();
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(clicks).toEqual(['click']);
  expect(document.querySelectorAll('button')).toHaveLength(1);
});

test('cleared timers and a cleared interval', () => {
  clearTimeout(setTimeout(() => undefined, 10_000));
  clearTimeout(window.setTimeout(() => undefined, 10_000));
  clearInterval(setInterval(() => undefined, 10));
});

test('an awaited animation frame', async () => {
  await new Promise((frame) => requestAnimationFrame(frame));
});

test('the async matchers work in jsdom', async () => {
  await expect(Promise.resolve(window.location.href)).toResolveWithin(1000);
});
