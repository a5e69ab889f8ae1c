/** `npm run audit` (scripts/audit.mjs): a report is shown as it is; no report is never a pass. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { auditOutcome } from './audit.mjs';

const outcome = auditOutcome as (stdout: string, stderr?: string) => { code: number; lines: string[] };

const report = (vulnerabilities: Record<string, unknown>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { dependencies: { prod: 212 } } });

describe('npm run audit', () => {
  it('says in one line, exiting 2, that nothing was checked when the advisory endpoint does not answer', () => {
    // What this workplace's registry answers, and what npm prints offline.
    const refused = outcome(JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 }));
    expect(refused).toEqual({ code: 2, lines: [expect.stringContaining('405 Method Not Allowed')] });
    expect(refused.lines[0]).toContain('NOT checked');
    expect(outcome(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed' } }))).toMatchObject({ code: 2, lines: [expect.stringContaining('failed')] });
    expect(outcome('', 'npm error audit endpoint returned an error\n')).toMatchObject({ code: 2, lines: [expect.stringContaining('audit endpoint returned an error')] });
  });

  it('passes a clean report and fails one with a vulnerability, naming it', () => {
    expect(outcome(report({}))).toEqual({ code: 0, lines: ['npm audit: no known vulnerabilities in 212 production packages.'] });
    const found = outcome(
      report({
        fastify: { name: 'fastify', severity: 'high', range: '<5.3.2', via: [{ title: 'Content-Type bypass', url: 'https://github.com/advisories/GHSA-x' }], fixAvailable: true },
        '@fastify/static': { name: '@fastify/static', severity: 'high', range: '<8', via: ['fastify'], fixAvailable: false },
      }),
    );
    expect(found.code).toBe(1);
    expect(found.lines).toEqual([
      'npm audit: 2 of 212 production packages have known vulnerabilities:',
      '  fastify <5.3.2 — high: Content-Type bypass (https://github.com/advisories/GHSA-x); a fix is available (npm audit fix)',
      '  @fastify/static <8 — high: through fastify; no fix yet',
    ]);
  });
});
