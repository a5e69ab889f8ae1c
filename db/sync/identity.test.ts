import { describe, expect, it } from 'vitest';
import { parseMachineId } from './identity.js';

describe('the machine id a database placement is bound to', () => {
  it('reads each OS’s own installation id from what its tool prints', () => {
    expect(parseMachineId('darwin', '+-o J314sAP  <class IOPlatformExpertDevice>\n    "IOPlatformUUID" = "1B2C3D4E-0000-1111-2222-333344445555"\n')).toBe('1B2C3D4E-0000-1111-2222-333344445555');
    expect(parseMachineId('win32', '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n    MachineGuid    REG_SZ    6f1e2d3c-aaaa-bbbb-cccc-123456789abc\r\n')).toBe('6f1e2d3c-aaaa-bbbb-cccc-123456789abc');
    expect(parseMachineId('linux', '0123456789abcdef0123456789abcdef\n')).toBe('0123456789abcdef0123456789abcdef');
  });

  it('finds nothing in empty or unexpected output (the host name then stands in)', () => {
    expect(parseMachineId('darwin', '')).toBeNull();
    expect(parseMachineId('win32', 'ERROR: The system was unable to find the specified registry key or value.')).toBeNull();
    expect(parseMachineId('linux', '')).toBeNull();
  });
});
