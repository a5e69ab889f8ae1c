/**
 * Import benchmark: 50,000 contacts with birthdays (2,500 accounts) from a CSV file into an
 * empty database, read + plan + apply through the repo writers (outbox included): ≤ 20 s.
 */
import fs from 'node:fs';
import path from 'node:path';
import { detectMapping } from '../../core/import/columns.js';
import { openDatabase } from '../../db/openDatabase.js';
import { applyImport } from '../../db/import/apply.js';
import { readImportFile } from '../../db/import/read.js';
import { timed, type BenchModule, type Measurement } from './harness.js';

const CONTACTS = 50_000;
const CONTACTS_PER_ACCOUNT = 20;
const CITIES = ['上海', '北京', '深圳', '杭州', '苏州', '成都', '武汉', '广州', '南京', '重庆'];
const FAMILY_NAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英'];

function contactCsv(): string {
  const lines = ['客户名称,城市,客户等级,联系人,职务,手机,邮箱,生日,农历生日'];
  for (let i = 0; i < CONTACTS; i += 1) {
    const account = Math.floor(i / CONTACTS_PER_ACCOUNT);
    const name = `${FAMILY_NAMES[i % FAMILY_NAMES.length]}${GIVEN_NAMES[Math.floor(i / FAMILY_NAMES.length) % GIVEN_NAMES.length]}${i}`;
    const birthday = `19${60 + (i % 40)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const lunar = i % 5 === 0 ? `农历八月十五` : '';
    lines.push(`华东精密机械${account}有限公司,${CITIES[account % CITIES.length]},${'ABC'[account % 3]},${name},采购经理,138${String(i).padStart(8, '0')},c${i}@example.cn,${birthday},${lunar}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const importBenchmarks: BenchModule[] = [
  {
    name: 'import 50,000 contacts (CSV)',
    async run(context): Promise<Measurement[]> {
      const file = path.join(context.workDir, 'import-contacts.csv');
      fs.writeFileSync(file, contactCsv());
      const db = openDatabase(path.join(context.workDir, 'import.sqlite'));
      try {
        const { result, ms } = await timed(async () => {
          const table = await readImportFile(file);
          return applyImport(db, { table, mapping: detectMapping(table.headers), timeZone: 'Asia/Shanghai' }, { now: new Date().toISOString() });
        });
        if (!result.imported || result.plan.counts.new !== CONTACTS) throw new Error(`imported ${JSON.stringify(result.plan.counts)}`);
        return [{ name: 'import 50,000 contacts with dates: read + plan + apply', value: ms / 1000, unit: 's', max: 20 }];
      } finally {
        db.close();
      }
    },
  },
];
