import { describe, expect, it } from 'vitest';
import { readStoredZip, zipStored } from './zip.js';

describe('stored zip', () => {
  const modified = new Date(2026, 0, 7, 9, 30, 12);

  it('reads back every file with its UTF-8 name and bytes, in order', () => {
    const files = [
      { name: '王芳 🌸.ics', data: Buffer.from('BEGIN:VCALENDAR\r\nSUMMARY:例行拜访\r\n', 'utf8') },
      { name: 'empty.ics', data: Buffer.alloc(0) },
      { name: 'bytes.bin', data: Buffer.from([0, 255, 80, 75, 5, 6]) }, // holds a signature's first bytes
    ];
    const archive = zipStored(files, modified);
    expect(readStoredZip(archive)).toEqual(files);
    // local header: signature, version 2.0, the UTF-8 names flag, stored
    expect(archive.readUInt32LE(0)).toBe(0x04034b50);
    expect(archive.readUInt16LE(6)).toBe(0x0800);
    expect(archive.readUInt16LE(8)).toBe(0);
    // the MS-DOS time and date of `modified`
    expect(archive.readUInt16LE(10)).toBe((9 << 11) | (30 << 5) | 6);
    expect(archive.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (1 << 5) | 7);
  });

  it('an empty archive is just the end record', () => {
    const archive = zipStored([], modified);
    expect(archive.length).toBe(22);
    expect(readStoredZip(archive)).toEqual([]);
  });

  it('refuses a name with a folder or a NUL, and a damaged entry', () => {
    expect(() => zipStored([{ name: 'a/b.ics', data: Buffer.alloc(1) }], modified)).toThrow('not a plain file name');
    expect(() => zipStored([{ name: 'a\0.ics', data: Buffer.alloc(1) }], modified)).toThrow('not a plain file name');
    const archive = zipStored([{ name: 'a.ics', data: Buffer.from('hello') }], modified);
    archive.writeUInt8(archive.readUInt8(30 + 'a.ics'.length) ^ 1, 30 + 'a.ics'.length);
    expect(() => readStoredZip(archive)).toThrow('CRC mismatch');
  });
});
