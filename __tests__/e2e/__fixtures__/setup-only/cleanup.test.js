test('toLeaveNothingRunning needs the environment', async () => {
  await expect(() => undefined).toLeaveNothingRunning();
});
