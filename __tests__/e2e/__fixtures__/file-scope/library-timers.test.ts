const { kick } = require('kicker') as { kick: () => Promise<void> };

test("awaits a library call that leaves a short follow-up timer after an await in its timer's callback", async () => {
  await kick();
});
