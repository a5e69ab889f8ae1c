// electron-builder configuration (`npm run dist`). Packaging downloads Electron, so it runs only on
// machines with network access to its host; build/electron-builder.config.test.ts checks this file.
// Update feed, code signing and notarization come from the environment (build/release.cjs).
const { win, mac, ...release } = require('./release.cjs').releaseOptions(process.env);

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.rounds.desktop',
  productName: 'Rounds',
  copyright: 'Copyright © Rounds',
  directories: { output: 'release', buildResources: 'build' },
  // The bundles carry core/host/db; better-sqlite3 comes along as a production dependency. The
  // `rounds` command's bundle (dist/cli) runs from the checkout, not in the app.
  files: ['dist/**/*', 'package.json', '!**/*.map', '!dist/cli/**/*'],
  asarUnpack: ['**/*.node'],
  // better-sqlite3 built for Electron's ABI by scripts/postinstall.mjs, and the one CJK font the PDF
  // report embeds (Noto Sans SC, OFL, with its licence): electron/paths.ts finds both here.
  extraResources: [
    { from: 'node_modules/.rounds-electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
    { from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', to: 'fonts/NotoSansSC-Regular.ttf' },
    { from: 'node_modules/@expo-google-fonts/noto-sans-sc/LICENSE_FONT', to: 'fonts/NotoSansSC-LICENSE.txt' },
  ],
  npmRebuild: false,
  // Fuses flipped in the packaged Electron binary: ELECTRON_RUN_AS_NODE, NODE_OPTIONS (and
  // NODE_EXTRA_CA_CERTS) and --inspect / SIGUSR1 can no longer turn the app into a Node that runs
  // someone else's code; Chromium's cookie store is encrypted with the OS key; the app loads only from
  // app.asar, whose hash electron-builder embeds and Electron checks at load (macOS; Windows since
  // Electron 30); file:// pages get no extra privileges (the app serves itself from app://).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  ...release,
  icon: 'build/icons/icon.png',
  win: { target: ['nsis'], icon: 'build/icons/icon.ico', ...win },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  // zip beside dmg: electron-updater updates a Mac app from the zip (Squirrel.Mac).
  mac: { target: ['dmg', 'zip'], icon: 'build/icons/icon.icns', category: 'public.app-category.business', ...mac },
  linux: { target: ['AppImage', 'deb'], icon: 'build/icons/icon.png', category: 'Office', maintainer: 'Rounds' },
};
