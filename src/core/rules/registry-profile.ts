import type { Rule } from './types.js';

/** The rules of this group, in catalogue order. */
export const profileRules: Rule[] = [];
