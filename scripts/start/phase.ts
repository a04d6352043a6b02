/**
 * Named phases of `npm start`, so a failure is one line that says what broke ("logging in at the demo provider:
 * ...") rather than a stack trace. Playwright's messages span many lines (call logs); only the first is kept.
 * Does not retry anything.
 */

/** A failure of one phase: `what` was being done, then the first line of the cause (when there is one). */
export class StartError extends Error {
  readonly code = 'ERR_START_PHASE';
  constructor(
    readonly what: string,
    cause?: unknown,
  ) {
    super(cause === undefined ? what : `${what}: ${firstLine(cause)}`, { cause });
    this.name = 'StartError';
  }
}

/** The first non-empty line of an error's message (or of its text), without Playwright's `Error:` prefixes. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? 'unknown error';
  return line.replace(/^(\w+\.\w+: )?(Error: )?/, '');
}

/** Runs `run`; a failure becomes a {@link StartError} naming `what` (an inner StartError is kept as is). */
export async function phase<T>(what: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof StartError ? error : new StartError(what, error);
  }
}
