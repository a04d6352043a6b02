/** What reading inputs (files, pasted text) gives the engine and the reports. */
import type { Document } from '../classify/documents.js';
import type { Exchange } from '../model.js';

/**
 * One input as the reports name it: the `inputs` entries of the JSON report. `exchanges` and `warnings` only for
 * a HAR file. Plain data; says nothing about what the analysis found in it.
 */
export interface InputSummary {
  name: string;
  kind: 'har' | 'document';
  exchanges?: number;
  warnings?: string[];
}

/**
 * What one or more inputs gave: exchanges from HAR files, documents (a JWT or JSON) from anything else, and what
 * the user should know. An input that can't be used is in `errors` only; every usable input has a `summary` entry.
 */
export interface ReadInputs {
  exchanges: Exchange[];
  documents: Document[];
  /** Inputs that can't be used, with a one-line reason. */
  errors: { name: string; error: string }[];
  /** What the user should know about a usable input (HAR import warnings, a pasted token, a redacted export). */
  notices: { name: string; message: string }[];
  summary: InputSummary[];
}
