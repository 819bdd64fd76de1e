// A library's logger reads process.stdin/stderr when it loads: the process's own stdio is nobody's leak.
test("touching the process's stdin and stderr is not a leak", () => {
  expect(process.stdin.readable).toBe(true);
  expect(typeof process.stderr.write).toBe('function');
});
