import { jsonParse } from './json-parse.js';
import type { Rule } from './types.js';

/** Rules about the inputs themselves (product extensions). */
export const coreRules: Rule[] = [jsonParse];
