// electron-builder configuration (`npm run dist`). Packaging downloads Electron, so it runs only on
// machines with network access to its host; build/electron-builder.config.test.ts checks this file.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.rounds.desktop',
  productName: 'Rounds',
  copyright: 'Copyright © Rounds',
  directories: { output: 'release', buildResources: 'build' },
  // The bundles carry core/host/db; better-sqlite3 comes along as a production dependency.
  files: ['dist/**/*', 'package.json', '!**/*.map'],
  asarUnpack: ['**/*.node'],
  // better-sqlite3 built for Electron's ABI by scripts/postinstall.mjs, and the one CJK font the PDF
  // report embeds (Noto Sans SC, OFL, with its licence): electron/paths.ts finds both here.
  extraResources: [
    { from: 'node_modules/.rounds-electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
    { from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', to: 'fonts/NotoSansSC-Regular.ttf' },
    { from: 'node_modules/@expo-google-fonts/noto-sans-sc/LICENSE_FONT', to: 'fonts/NotoSansSC-LICENSE.txt' },
  ],
  npmRebuild: false,
  icon: 'build/icons/icon.png',
  win: { target: ['nsis'], icon: 'build/icons/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], icon: 'build/icons/icon.icns', category: 'public.app-category.business' },
  linux: { target: ['AppImage', 'deb'], icon: 'build/icons/icon.png', category: 'Office', maintainer: 'Rounds' },
};
