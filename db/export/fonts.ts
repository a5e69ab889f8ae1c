/**
 * Which font the PDF report writes Chinese with. PDF's built-in fonts have no CJK glyphs, so the report
 * embeds a real font file, and that file must exist on every machine the app runs on: the first of an
 * admin's choice, the copy the app ships, the dev dependency's copy in node_modules, or a system font.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

/** A font file for pdfkit; `family` is the PostScript name to pick from a collection (.ttc), unset for a single font. */
export interface PdfFont {
  path: string;
  family?: string;
}

/** Where the caller knows a font to be; anything it leaves out is looked for in the usual places. */
export interface CjkFontChoice {
  /** an admin's choice (an export option), else ROUNDS_CJK_FONT: a font file, or `collection.ttc#PostScriptName` */
  explicit?: string | undefined;
  /** the copy the host ships (Electron: `<resources>/fonts/NotoSansSC-Regular.ttf`) */
  bundled?: string | undefined;
}

/** The places searched after the caller's choice; replaced in tests. */
export interface CjkFontFallbacks {
  env: Readonly<Record<string, string | undefined>>;
  /** the node_modules copy (browser mode, CLI, development) */
  installed: () => string | undefined;
  system: readonly PdfFont[];
}

export const CJK_FONT_ENV = 'ROUNDS_CJK_FONT';

/** Noto Sans SC (OFL), a dev dependency; electron-builder ships this file (build/electron-builder.config.cjs). */
export const INSTALLED_CJK_FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/**
 * Fonts with Simplified Chinese that come with the operating system or a common package, best first.
 * A collection names the face by its PostScript name, which is what fontkit picks it by.
 */
export const SYSTEM_CJK_FONTS: readonly PdfFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
  { path: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
  { path: '/System/Library/Fonts/STHeiti Light.ttc', family: 'STHeitiSC-Light' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
];

/** Thrown when no candidate exists; the export job reports it as `export.errors.noCjkFont`. */
export class NoCjkFontError extends Error {
  override readonly name = 'NoCjkFontError';
  constructor(searched: readonly string[]) {
    super(`No Chinese font found for the PDF report (searched ${searched.join(', ')}); set ${CJK_FONT_ENV} to a .ttf/.otf file or file.ttc#PostScriptName`);
  }
}

/**
 * The dev dependency's font, resolved from this module's own location. In the Electron bundle
 * `import.meta.url` is the bundle's URL (scripts/build.mjs), so an unpackaged app finds the repo's
 * node_modules and a packaged one (no dev dependencies) finds nothing and uses its bundled copy.
 */
export function installedCjkFont(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(INSTALLED_CJK_FONT);
  } catch {
    return undefined;
  }
}

export const DEFAULT_CJK_FONT_FALLBACKS: CjkFontFallbacks = { env: process.env, installed: installedCjkFont, system: SYSTEM_CJK_FONTS };

/** A font file, or one face of a collection written as `file.ttc#PostScriptName`. */
function named(setting: string | undefined): PdfFont[] {
  if (!setting) return [];
  const [file = setting, family] = setting.split('#');
  return [family ? { path: file, family } : { path: file }];
}

/** The first font that exists: explicit (or ROUNDS_CJK_FONT) > bundled > node_modules > system. */
export function resolveCjkFont(choice: CjkFontChoice = {}, fallbacks: CjkFontFallbacks = DEFAULT_CJK_FONT_FALLBACKS): PdfFont {
  const candidates = [...named(choice.explicit ?? fallbacks.env[CJK_FONT_ENV]), ...named(choice.bundled), ...named(fallbacks.installed()), ...fallbacks.system];
  const found = candidates.find((font) => fs.existsSync(font.path));
  if (!found) throw new NoCjkFontError(candidates.map((font) => font.path));
  return found;
}
