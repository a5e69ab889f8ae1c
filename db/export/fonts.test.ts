import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir.js';
import { CJK_FONT_ENV, installedCjkFont, NoCjkFontError, resolveCjkFont, SYSTEM_CJK_FONTS, type CjkFontFallbacks } from './fonts.js';

describe('resolveCjkFont', () => {
  const tempDir = useTempDir();

  /** Empty files standing in for fonts: the resolver only asks whether they exist. */
  function standIns() {
    const dir = tempDir();
    const file = (name: string) => {
      const target = path.join(dir, name);
      fs.writeFileSync(target, '');
      return target;
    };
    const [explicit, fromEnv, bundled, installed, system] = ['explicit.ttf', 'env.ttf', 'bundled.ttf', 'installed.ttf', 'system.ttc'].map(file) as [string, string, string, string, string];
    const fallbacks: CjkFontFallbacks = { env: { [CJK_FONT_ENV]: fromEnv }, installed: () => installed, system: [{ path: path.join(dir, 'absent.ttc'), family: 'Absent' }, { path: system, family: 'SystemSC-Regular' }] };
    return { explicit, fromEnv, bundled, installed, system, fallbacks };
  }

  it('takes the first that exists: explicit > ROUNDS_CJK_FONT > bundled > node_modules > system', () => {
    const fonts = standIns();
    const choice = { explicit: fonts.explicit, bundled: fonts.bundled };
    expect(resolveCjkFont(choice, fonts.fallbacks)).toEqual({ path: fonts.explicit });
    expect(resolveCjkFont({ bundled: fonts.bundled }, fonts.fallbacks)).toEqual({ path: fonts.fromEnv });
    const withoutEnv = { ...fonts.fallbacks, env: {} };
    expect(resolveCjkFont({ bundled: fonts.bundled }, withoutEnv)).toEqual({ path: fonts.bundled });
    for (const file of [fonts.explicit, fonts.bundled]) fs.rmSync(file);
    expect(resolveCjkFont(choice, withoutEnv)).toEqual({ path: fonts.installed });
    fs.rmSync(fonts.installed);
    // a missing system font is stepped over; a collection keeps the face to pick from it
    expect(resolveCjkFont(choice, withoutEnv)).toEqual({ path: fonts.system, family: 'SystemSC-Regular' });
  });

  it('reads a collection face from the admin setting as file.ttc#PostScriptName', () => {
    const fonts = standIns();
    expect(resolveCjkFont({}, { ...fonts.fallbacks, env: { [CJK_FONT_ENV]: `${fonts.system}#MicrosoftYaHei` } })).toEqual({ path: fonts.system, family: 'MicrosoftYaHei' });
  });

  it('fails with NoCjkFontError naming every place it looked when no font exists', () => {
    const fonts = standIns();
    for (const file of [fonts.explicit, fonts.fromEnv, fonts.bundled, fonts.installed, fonts.system]) fs.rmSync(file);
    const resolve = () => resolveCjkFont({ explicit: fonts.explicit, bundled: fonts.bundled }, fonts.fallbacks);
    expect(resolve).toThrow(NoCjkFontError);
    expect(resolve).toThrow(fonts.bundled);
    expect(() => resolveCjkFont({}, { env: {}, installed: () => undefined, system: [] })).toThrow(/No Chinese font found/);
  });

  it('finds the Noto Sans SC dev dependency in node_modules by default', () => {
    const font = resolveCjkFont({}, { env: {}, installed: installedCjkFont, system: [] });
    expect(font.path).toMatch(/NotoSansSC_400Regular\.ttf$/);
    expect(fs.existsSync(font.path)).toBe(true);
  });

  it('names a face for every system collection, which fontkit needs to pick one', () => {
    expect(SYSTEM_CJK_FONTS.filter((font) => font.path.endsWith('.ttc') && !font.family)).toEqual([]);
  });
});
