/**
 * The lead's calendars zip: each entry is named by a rep's display name, which the rep's team admin
 * chose (up to 200 characters). Whatever the name, the entry is one plain file every unzip tool can
 * write on every system: no folder, no `..`, no drive, no name Windows keeps for a device (`CON.txt`
 * is the device too), no half of an emoji, at most 255 bytes (ext4's and APFS's limit, in UTF-8), and
 * no two entries alike once a case-insensitive file system has them.
 */
import { describe, expect, it } from 'vitest';
import { repFileNames } from '../../db/export/ics.js';
import { readStoredZip, zipStored } from '../../db/export/zip.js';

const bytes = (name: string) => Buffer.byteLength(name, 'utf8');

describe('zip entry names from rep display names', () => {
  const hostile = [
    '../../.bashrc',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '..',
    'con.txt',
    'LPT1.report',
    '王'.repeat(200),
    '王'.repeat(200),
    `${'a'.repeat(99)}🌸tail`,
    'a/b',
    'A_B',
    'nul\u0000byte',
  ];

  it('are plain, short enough and distinct, and the zip holds them as given', () => {
    const names = repFileNames(hostile);
    for (const name of names) {
      expect(name).toMatch(/\.ics$/);
      expect(name).not.toMatch(/[/\\:\0]/);
      expect(name.startsWith('.')).toBe(false);
      expect(bytes(name)).toBeLessThanOrEqual(255);
      // the name is well-formed UTF-16 (no lone surrogate from an emoji cut in half)
      expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      // Windows keeps CON, PRN, AUX, NUL, COM1–9, LPT1–9 whatever follows the first dot
      expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    const zipped = readStoredZip(zipStored(names.map((name) => ({ name, data: Buffer.from('BEGIN:VCALENDAR\r\n') })), new Date('2026-01-01T00:00:00Z')));
    expect(zipped.map((entry) => entry.name)).toEqual(names);
  });
});
