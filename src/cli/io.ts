import { escapeControls } from './escape.js';

/** Where the CLI writes and reads: the process's streams, or a test's. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
}

/**
 * One line on stderr, `token-inspector: ` first. File names and parser messages quote input bytes, so the
 * line is escaped as a whole: a control character in it can't reach the terminal.
 */
export function say(io: Io, text: string): void {
  io.stderr(`token-inspector: ${escapeControls(text.trim())}\n`);
}

/**
 * One line on stderr naming what failed and why, never a stack trace. Line breaks and tabs in the reason (parser
 * messages quote the text) read better as one space; in the name they are escaped like any control character.
 */
export function fail(io: Io, what: string, why: string): 2 {
  say(io, `${what}: ${why.replace(/[ \t\r\n]+/g, ' ')}`);
  return 2;
}
