import { authTime } from './auth-time.js';
import { claimTypes } from './claim-types.js';
import { expPassed } from './exp-passed.js';
import { iatFuture } from './iat-future.js';
import { nbfFuture } from './nbf-future.js';
import { numericdate } from './numericdate.js';
import { timeOrder } from './time-order.js';
import type { Rule } from './types.js';

/** The rules of this group, in catalogue order. */
export const claimsRules: Rule[] = [numericdate, expPassed, nbfFuture, iatFuture, timeOrder, authTime, claimTypes];
