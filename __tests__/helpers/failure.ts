/** What a user reads when an assertion fails: the error's message without colours. */
export const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

/**
 * Runs an assertion that must fail and returns its message as printed (colours removed).
 * Throws when the assertion passes, so a test built on it cannot pass by accident.
 */
export async function failureOf(assertion: () => unknown): Promise<string> {
  try {
    await assertion();
  } catch (error) {
    return stripAnsi(error instanceof Error ? error.message : String(error));
  }
  throw new Error('expected the assertion to fail, but it passed');
}
