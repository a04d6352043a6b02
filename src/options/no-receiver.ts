/**
 * Recognises the error `runtime.sendMessage` rejects with when no extension page or worker listens (Chrome and
 * Firefox: "Could not establish connection. Receiving end does not exist."). Pure.
 */

/** True for the "no receiver" error of `runtime.sendMessage`; false for every other value. */
export function isNoReceiverError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /receiving end does not exist|could not establish connection/i.test(message);
}
