import { describe, expect, it } from 'vitest';
import { escapeControls as cliEscape } from '../../src/cli/escape.js';
import { escapeControls } from '../../src/core/util/escape-controls.js';

describe('the CLI escaper', () => {
  // Its cases are in test/unit/util/escape-controls.test.ts: the panel shows values escaped exactly as the CLI prints them.
  it('is the one the panel uses, not a copy', () => {
    expect(cliEscape).toBe(escapeControls);
    expect(cliEscape('a\u001b[2J\u202eb')).toBe('a\\u001b[2J\\u202eb');
  });
});
