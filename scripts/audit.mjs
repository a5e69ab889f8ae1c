// `npm run audit`: `npm audit --omit=dev` — known advisories for what the app and the server ship
// (docs/DEPENDENCIES.md). Where the registry's advisory endpoint cannot be reached (no network, or a
// registry mirror that does not serve it), it says so in one line and exits 2: nothing was checked,
// which must never read as a pass.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What to say and the exit code, from `npm audit --json`'s output: a report lists what it found
 * (exit 1 when anything was); anything else means the advisories were not checked (exit 2).
 */
export function auditOutcome(stdout, stderr = '') {
  let answer;
  try {
    answer = JSON.parse(stdout);
  } catch {
    answer = undefined;
  }
  if (answer?.auditReportVersion === undefined) {
    const reason = answer?.message ?? answer?.error?.summary ?? answer?.error?.code ?? (stderr.trim().split('\n').pop() || 'no answer');
    return { code: 2, lines: [`npm audit: the registry's advisory endpoint is unreachable here (${reason}): the production dependencies were NOT checked.`] };
  }
  const found = Object.values(answer.vulnerabilities ?? {});
  const checked = answer.metadata?.dependencies?.prod ?? '?';
  if (found.length === 0) return { code: 0, lines: [`npm audit: no known vulnerabilities in ${checked} production packages.`] };
  return {
    code: 1,
    lines: [
      `npm audit: ${found.length} of ${checked} production packages have known vulnerabilities:`,
      ...found.map(({ name, severity, range, via, fixAvailable }) => {
        const why = via.map((item) => (typeof item === 'string' ? `through ${item}` : `${item.title} (${item.url})`)).join('; ');
        return `  ${name} ${range} — ${severity}: ${why}; ${fixAvailable ? 'a fix is available (npm audit fix)' : 'no fix yet'}`;
      }),
    ],
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const npmCli = process.env.npm_execpath;
  const args = ['audit', '--omit=dev', '--json'];
  const run = npmCli ? spawnSync(process.execPath, [npmCli, ...args], { encoding: 'utf8' }) : spawnSync('npm', args, { encoding: 'utf8', shell: process.platform === 'win32' });
  const { code, lines } = auditOutcome(run.stdout ?? '', run.stderr ?? run.error?.message ?? '');
  (code === 0 ? console.log : console.error)(lines.join('\n'));
  process.exitCode = code;
}
