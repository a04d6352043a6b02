import { describe, expect, it } from 'vitest';
import { planAddition } from '../../../src/options/plan-addition.js';

describe('planAddition', () => {
  it.each([
    {
      name: 'a new host',
      entries: ['IDP.example.com'],
      configured: [],
      plan: { add: ['idp.example.com'], patterns: ['*://idp.example.com/*'], refused: [] },
    },
    {
      name: 'a localhost port and a wildcard',
      entries: ['localhost:3000', '*.example.org'],
      configured: [],
      plan: { add: ['localhost:3000', '*.example.org'], patterns: ['*://localhost/*', '*://*.example.org/*'], refused: [] },
    },
    {
      name: 'two ports of one host share one pattern',
      entries: ['localhost:3000', 'localhost:4000'],
      configured: [],
      plan: { add: ['localhost:3000', 'localhost:4000'], patterns: ['*://localhost/*'], refused: [] },
    },
    {
      name: 'an already configured domain and a duplicate entry',
      entries: ['idp.example.com', 'api.example.com', 'API.example.com'],
      configured: ['idp.example.com'],
      plan: {
        add: ['api.example.com'],
        patterns: ['*://api.example.com/*'],
        refused: [
          { entry: 'idp.example.com', problem: 'duplicate' },
          { entry: 'API.example.com', problem: 'duplicate' },
        ],
      },
    },
    {
      name: 'bad entries, each with its reason',
      entries: ['', 'https://idp.example.com/path', 'bad_host', 'localhost:99999'],
      configured: [],
      plan: {
        add: [],
        patterns: [],
        refused: [
          { entry: '', problem: 'empty' },
          { entry: 'https://idp.example.com/path', problem: 'scheme-or-path' },
          { entry: 'bad_host', problem: 'bad-host' },
          { entry: 'localhost:99999', problem: 'bad-port' },
        ],
      },
    },
  ])('$name', ({ entries, configured, plan }) => {
    expect(planAddition(entries, configured)).toEqual(plan);
  });
});
