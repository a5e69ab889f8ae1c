/** The terminal password prompt of `rounds user` and `rounds login` (`readPassword`): nothing typed is shown. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword, type PasswordInput } from '../../server/cliSupport.js';

/** A terminal as far as `readPassword` can tell: a stream with isTTY and setRawMode, whose raw-mode calls are recorded. */
function fakeTerminal(): { input: PasswordInput; rawModes: boolean[]; type(text: string): void } {
  const stream = new PassThrough();
  const rawModes: boolean[] = [];
  const input = Object.assign(stream, { isTTY: true, setRawMode: (raw: boolean) => rawModes.push(raw) });
  return { input, rawModes, type: (text) => void stream.write(text) };
}

describe('the password prompt', () => {
  it('reads a line in raw mode (so the terminal echoes nothing), writes only the prompt and a newline, and puts the terminal back', async () => {
    const terminal = fakeTerminal();
    let shown = '';
    const read = readPassword({ fromStdin: false, env: {}, input: terminal.input, prompt: () => void (shown += 'Password: '), newline: () => void (shown += '\n') });
    expect(terminal.rawModes).toEqual([true]);
    terminal.type('correct horse');
    terminal.type(' batteryy\u007f');
    terminal.type('\r');
    expect(await read).toBe('correct horse battery');
    expect(shown).toBe('Password: \n');
    expect(terminal.rawModes).toEqual([true, false]);
  });

  it('stops on Ctrl-C with the terminal put back; ROUNDS_PASSWORD and --password-stdin never prompt', async () => {
    const terminal = fakeTerminal();
    const read = readPassword({ fromStdin: false, env: {}, input: terminal.input, prompt: () => {}, newline: () => {} });
    terminal.type('secr\u0003');
    await expect(read).rejects.toThrow('interrupted');
    expect(terminal.rawModes).toEqual([true, false]);

    const prompts: string[] = [];
    expect(await readPassword({ fromStdin: false, env: { ROUNDS_PASSWORD: 'from env' }, input: fakeTerminal().input, prompt: () => prompts.push('asked') })).toBe('from env');
    const piped = fakeTerminal();
    const fromStdin = readPassword({ fromStdin: true, env: {}, input: piped.input, prompt: () => prompts.push('asked') });
    piped.type('piped password\n');
    expect(await fromStdin).toBe('piped password');
    expect(prompts).toEqual([]);
    expect(piped.rawModes).toEqual([]);
  });
});
