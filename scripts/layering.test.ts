import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

/** The layering findings (top folders and sub-layers) for `code` linted as if it lived at `filePath`. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'layers/ordered').map((m) => m.message);
}

const cases: Array<{ layer: string; file: string; forbidden: string[]; allowed: string[] }> = [
  {
    layer: 'core',
    file: 'core/model/fixture.ts',
    forbidden: ["import fs from 'node:fs';", "import path from 'path';", "import Database from 'better-sqlite3-multiple-ciphers';", "import { app } from 'electron';", "import React from 'react';", "import { x } from '../../db/paths.js';", "import { x } from '../../renderer/api/client.js';", "export { x } from '../../host/bootstrap.js';"],
    allowed: ["import { z } from 'zod';", "import { x } from '../calendar/day.js';"],
  },
  {
    layer: 'db',
    file: 'db/repo/fixture.ts',
    forbidden: ["import { app } from 'electron';", "import React from 'react';", "import { x } from '../../host/bootstrap.js';", "import { x } from '../../renderer/api/client.js';", "import { x } from '../../cli/main.js';"],
    allowed: ["import fs from 'node:fs';", "import Database from 'better-sqlite3-multiple-ciphers';", "import { x } from '../../core/api/contract.js';"],
  },
  ...['repo', 'synced'].map((folder) => ({
    layer: `db/${folder}`,
    file: `db/${folder}/fixture.ts`,
    forbidden: ["import { x } from '../sync/controller.js';", "import { x } from '../service/index.js';", "import { x } from '../jobs/exportJobs.js';", "import { x } from '../../host/bootstrap.js';"],
    allowed: ["import { x } from '../repo/table.js';", "import { x } from '../synced/outbox.js';", "import { x } from '../connection.js';", "import { x } from '../../core/api/contract.js';"],
  })),
  // Below the top folders (scripts/eslintLayers.mjs): a layer imports its own and lower layers only.
  {
    layer: 'core/model',
    file: 'core/model/fixture.ts',
    forbidden: ["import { x } from '../agenda/types.js';", "import { x } from '../api/errors.js';", "import { x } from '../tiering/pareto.js';", "export { x } from '../i18n/translator.js';", "const m = import('../reports/coverage.js');"],
    allowed: ["import { x } from '../calendar/day.js';", "import { x } from '../text/storable.js';", "import { x } from './enums.js';"],
  },
  {
    layer: 'core/tiering',
    file: 'core/tiering/fixture.ts',
    forbidden: ["import { x } from '../api/errors.js';"],
    allowed: ["import { x } from '../model/enums.js';", "import { x } from '../cadence/index.js';"],
  },
  {
    layer: 'core/calendar',
    file: 'core/calendar/fixture.ts',
    forbidden: ["import type { x } from '../model/schemas.js';"],
    allowed: ["import { x } from '../text/storable.js';"],
  },
  {
    layer: 'db (connection)',
    file: 'db/connection.ts',
    forbidden: ["import { x } from './sync/identity.js';", "import { x } from './openDatabase.js';"],
    allowed: ["import { x } from './encryption.js';"],
  },
  {
    layer: 'db/jobs',
    file: 'db/jobs/fixture.ts',
    forbidden: ["import { x } from '../service/index.js';", "import { x } from '../openDatabase.js';"],
    allowed: ["import { x } from '../export/run.js';", "import { x } from '../reports/coverage.js';", "import { x } from '../repo/table.js';"],
  },
  {
    layer: 'db/sync',
    file: 'db/sync/fixture.ts',
    forbidden: ["import { x } from '../jobs/exportJobs.js';", "import { x } from '../service/sync.js';"],
    allowed: ["import { x } from '../synced/outbox.js';", "import { x } from '../connection.js';"],
  },
  {
    layer: 'renderer/components',
    file: 'renderer/components/log/fixture.tsx',
    forbidden: ["import { x } from '../../screens/account/AccountPage.js';", "import { x } from '../../app/Shell.js';"],
    allowed: ["import { x } from '../navigation.js';", "import { x } from '../../api/useQuery.js';", "import { x } from '../../i18n/index.js';"],
  },
  {
    layer: 'renderer/screens',
    file: 'renderer/screens/today/fixture.tsx',
    forbidden: ["import { x } from '../../app/Shell.js';"],
    allowed: ["import { x } from '../../components/navigation.js';", "import { x } from '../account/AccountPage.js';"],
  },
  {
    layer: 'renderer/i18n',
    file: 'renderer/i18n/fixture.ts',
    forbidden: ["import { x } from '../api/useQuery.js';"],
    allowed: ["import { x } from '../../core/i18n/resources.js';"],
  },
  {
    layer: 'renderer',
    file: 'renderer/screens/fixture.tsx',
    forbidden: ["import fs from 'node:fs';", "import crypto from 'crypto';", "import Database from 'better-sqlite3-multiple-ciphers';", "import { ipcRenderer } from 'electron';", "import { x } from '../../db/paths.js';", "import { x } from '../../host/http-server.js';", "import { x } from '../../electron/ipc.js';"],
    allowed: ["import React from 'react';", "import { Button } from 'antd';", "import { x } from '../../core/api/contract.js';"],
  },
  {
    layer: 'server',
    file: 'server/sync/fixture.ts',
    forbidden: ["import { app } from 'electron';", "import React from 'react';", "import { x } from '../../db/paths.js';", "import { x } from '../../host/bootstrap.js';", "import { x } from '../../cli/main.js';"],
    allowed: ["import crypto from 'node:crypto';", "import pg from 'pg';", "import { x } from '../../core/sync/protocol.js';"],
  },
  ...['electron', 'host', 'cli'].map((folder) => ({
    layer: folder,
    file: `${folder}/fixture.ts`,
    forbidden: ["import { x } from '../renderer/api/client.js';"],
    allowed: ["import fs from 'node:fs';", "import { x } from '../core/api/contract.js';", "import { y } from '../db/paths.js';"],
  })),
];

describe('the layering lint rule', () => {
  for (const { layer, file, forbidden, allowed } of cases) {
    it(`reports each forbidden import in ${layer}/`, async () => {
      for (const line of forbidden) expect(await layeringErrors(file, `${line}\n`), line).toHaveLength(1);
    });

    it(`lets ${layer}/ import what it may`, async () => {
      for (const line of allowed) expect(await layeringErrors(file, `${line}\n`), line).toEqual([]);
    });
  }

  it('gives every new folder a layer on purpose', async () => {
    expect(await layeringErrors('core/newFolder/fixture.ts', "import { x } from '../model/enums.js';\n")).toEqual([expect.stringContaining('core/newFolder has no layer')]);
  });

  it('leaves tests free to import what they assert on', async () => {
    expect(await layeringErrors('core/model/fixture.test.ts', "import fs from 'node:fs';\n")).toEqual([]);
  });
});
