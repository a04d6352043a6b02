/**
 * The words for refused domain entries on the options page. Pure; does not validate anything itself
 * (parseDomain does).
 */
import type { DomainError } from '../shared/domains.js';

/** Why an entry was not added: a parse error, or it is already configured. */
export type DomainEntryProblem = DomainError | 'duplicate';

const MESSAGES: Record<DomainEntryProblem, string> = {
  empty: 'Enter a host, such as idp.example.com or localhost:3000.',
  'scheme-or-path':
    'Enter only a host and an optional port: no path, query, user name or spaces (a pasted origin such as https://idp.example.com is fine).',
  'bad-host':
    'That is not a valid host: use letters, digits and hyphens between dots, an IPv4 address or [::1]; a wildcard is allowed only at the start (*.example.com).',
  'bad-port': 'The port must be a number from 1 to 65535.',
  duplicate: 'This domain is already configured.',
};

/** One sentence saying what is wrong with an entry and how to write it. */
export function domainProblemMessage(problem: DomainEntryProblem): string {
  return MESSAGES[problem];
}
