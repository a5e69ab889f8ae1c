/**
 * The lockfile review (docs/DEPENDENCIES.md): every production dependency is listed there with why it
 * ships, so adding one to package.json, or dropping one, fails here until that page says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** The packages named in the first column of the page's tables (`| \`name\` | …`). */
function listedPackages(page: string): string[] {
  return [...page.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]!).sort();
}

describe('docs/DEPENDENCIES.md', () => {
  it('lists exactly the production dependencies of package.json', () => {
    const dependencies = Object.keys((JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies).sort();
    expect(listedPackages(read('docs/DEPENDENCIES.md'))).toEqual(dependencies);
  });

  it('names every package the installer copies files from beyond the production dependencies', () => {
    const page = read('docs/DEPENDENCIES.md');
    const copied = [...read('build/electron-builder.config.cjs').matchAll(/node_modules\/((?:@[^/.]+\/)?[^/.][^/]*)\//g)].map((match) => match[1]!);
    expect(copied.length).toBeGreaterThan(0);
    for (const name of copied) expect(page, name).toContain(`\`${name}\``);
  });
});
