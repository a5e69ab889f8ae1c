/**
 * One vocabulary: every word the app, its exports, the CLI and the notifications show comes from the locale
 * resources (core/i18n/locales). A Chinese string literal anywhere else is a second string table in the
 * making — the way the same figure came to be 应拜访 on screen and 应访 in a file. The few modules whose
 * Chinese is data, not the app's words, are listed below with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCANNED = ['db', 'cli', 'electron', 'server', 'host', 'core', 'renderer'];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Files (or folders, ending in /) whose Chinese literals are data; each with why. */
const ALLOWED: Record<string, string> = {
  'core/i18n/': 'the locale resources themselves: the one place for the app’s words',
  'core/calendar/': 'lunar calendar numerals and month names (初一, 腊月) used to read and write lunar dates',
  'core/import/columns.ts': 'header names people use in their spreadsheets, recognised on import, never shown',
  'core/import/values.ts': 'values people write in their spreadsheets (A 类, 例行拜访), recognised on import, never shown',
  'core/model/greetingTemplates.ts': 'default greeting messages in each language, content the rep edits and sends to customers',
  'db/seed/': 'the demo data set: company names, cities, notes a demo database holds',
  'db/reports/testFixture.ts': 'test data for report and export tests',
  'host/testing/': 'test servers and their fixtures',
  'renderer/screens/account/fixtures.ts': 'test data for the account screen tests',
  'renderer/screens/today/agendaFixtures.ts': 'test data for the Today screen tests',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$|\.d\.ts$/.test(entry.name) ? [relative] : [];
  });
}

/** The string and template literals and JSX text of a module that hold Chinese (comments do not count). */
function chineseLiterals(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node);
    if (literal && CJK.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const allowed = (file: string) => Object.keys(ALLOWED).some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));

describe('one vocabulary', () => {
  it('no module outside the locale resources holds Chinese words of the app', () => {
    const offenders = SCANNED.flatMap(sourceFiles)
      .filter((file) => !allowed(file))
      .flatMap((file) => {
        const literals = chineseLiterals(file);
        return literals.length === 0 ? [] : [`${file}: ${literals.length} (${literals.slice(0, 3).map((text) => JSON.stringify(text.slice(0, 24))).join(', ')})`];
      });
    expect(offenders, 'move these strings into core/i18n/locales/{en,zh-CN}/<ns>.json and translate with translator()').toEqual([]);
  });

  it('finds a string table where there is one, and not in comments', () => {
    const probe = "// 注释里的中文不算\nexport const LABELS = { due: '应访', total: `总览 ${1}`, tag: <b>A 类</b> };\n";
    expect(chineseLiterals('core/model/probe.tsx', probe)).toEqual(['应访', '总览 ', 'A 类']);
  });

  it('lists only allowed entries that exist', () => {
    for (const entry of Object.keys(ALLOWED)) expect(fs.existsSync(path.join(ROOT, entry)), entry).toBe(true);
  });
});
