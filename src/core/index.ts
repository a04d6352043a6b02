/** The public API of the analysis engine, shared by the worker, the panel and the CLI. */
export { analyze, type AnalyzeInput, type AnalyzeOptions, type AnalysisResult } from './analyze.js';
export { analyzeToken, type TokenAnalysis } from './analyze-token.js';
export type { Document } from './classify/documents.js';
export { decodeJwt, looksLikeJwt } from './jwt/decode.js';
export type { FetchJson } from './jwt/key-store.js';
export { importHar, importHarObject } from './har/import.js';
export { exportHar } from './har/export.js';
export { allRules, ruleInfo, RULE_IDS, type RuleInfo } from './rules/catalogue.js';
export { BUILTIN_PROFILES } from './profiles/registry.js';
export { parseUserProfile } from './profiles/user-profile.js';
export type { Profile, ClaimDoc } from './profiles/types.js';
export { isoSeconds, relative } from './util/time.js';
export { numericDateSeconds } from './util/numeric-date.js';
export * from './model.js';
