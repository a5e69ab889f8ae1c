import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,db,host,electron,renderer,cli,server,build,scripts}/**/*.test.{ts,tsx}', 'test/{integration,sync,bench,security,support}/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    setupFiles: ['renderer/test/setup.ts'],
    globalSetup: ['test/support/vitestGlobalSetup.ts'],
  },
});
