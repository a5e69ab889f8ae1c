/**
 * Translations of the import messages (the `import.*` keys, the `validation.*` keys an import can
 * report, and the target field names), as i18next resources in zh-CN and en. The CLI loads them into
 * its own i18next instance; the app can merge them into its resources.
 */
import type { TargetField } from './columns.js';

type Messages = {
  import: {
    file: Record<string, string>;
    mapping: Record<string, string>;
    row: Record<string, string>;
    date: Record<string, string>;
    field: Record<TargetField, string>;
    report: Record<string, string>;
    cli: Record<string, string>;
  };
  validation: Record<string, string>;
};

const en: Messages = {
  import: {
    file: {
      notFound: 'File not found: {{file}}',
      empty: 'The file is empty.',
      noRows: 'The file has a header row but no data rows.',
      tooLarge: 'The file is {{megabytes}} MB; imports are limited to {{limit}} MB.',
      notText: 'This is not a text (CSV) file. Was a binary file renamed to .csv?',
      workbookNamedCsv: 'This is an Excel workbook named .csv: rename it to .xlsx.',
      badEncoding: 'The file says it is {{encoding}} but is not.',
      badCsv: 'The CSV is malformed near line {{line}} (an unclosed or stray quote).',
      badWorkbook: 'This is not an .xlsx workbook Rounds can read.',
      noSuchSheet: 'No sheet "{{sheet}}" in the workbook (sheets: {{sheets}}).',
      unsupportedType: 'Rounds imports .csv, .tsv, .txt and .xlsx files, not {{extension}}. Save .xls files as .xlsx.',
    },
    mapping: {
      invalid: 'The mapping names an unknown field for column "{{header}}".',
      noAccountName: 'No column is mapped to the account name; give a mapping with --mapping.',
      notJson: 'The mapping file is not valid JSON.',
      missingHeaders: 'The file has no column(s) {{headers}} named in the mapping.',
    },
    row: {
      ragged: '{{found}} cells where the header has {{expected}}',
      formulaWithoutValue: 'cell {{cell}} is a formula saved without its value (open and save the file in Excel first)',
      cellError: 'cell {{cell}} holds the error {{error}}',
      missingAccountName: 'no account name',
      missingContactName: 'no contact name',
      missingVisitDate: 'no visit date',
      duplicateInFile: 'duplicate of line {{firstLine}}',
      ambiguousAccount: 'several accounts are named "{{name}}"; add a city column',
      readOnlyAccount: 'this account belongs to {{owner}} and is read-only here',
      readOnlyAccountOtherRep: 'this account belongs to another rep and is read-only here',
    },
    date: {
      unrecognised: 'not a date Rounds can read',
      ambiguousOrder: '"{{text}}" could be month/day or day/month; choose with --date-order MDY or DMY',
      excelPhantomDay: 'Excel day 60 is 29 February 1900, a day that never existed',
      invalidTime: 'not a time of day',
      yearRequired: 'a visit date needs a year',
    },
    field: {
      accountName: 'account name', accountExternalId: 'account external id', city: 'city', tier: 'tier', industry: 'industry',
      address: 'address', annualRevenue: 'annual revenue', contactName: 'contact name', firstName: 'first name', lastName: 'last name',
      contactExternalId: 'contact external id', title: 'title', phone: 'phone', email: 'email', wechat: 'WeChat', birthday: 'birthday',
      lunarBirthday: 'lunar birthday', anniversary: 'wedding anniversary', visitKind: 'visit kind', visitDoneAt: 'visit date',
      visitOutcome: 'visit outcome', visitNextStep: 'next step',
    },
    report: {
      file: 'File {{file}} ({{source}}): {{rows}} rows of {{kind}}',
      kind_accounts: 'accounts',
      kind_contacts: 'contacts',
      kind_visits: 'visits',
      columns: 'Columns:',
      column: '  {{header}} → {{field}}',
      ignored: '  ignored: {{headers}}',
      counts: 'New: {{new}}   Updated: {{updated}}   Unchanged: {{unchanged}}   Invalid: {{invalid}}',
      duplicates: 'Matched existing data: {{database}} rows; duplicates within the file: {{file}}',
      invalidHeading: 'Invalid rows:',
      problem: '  line {{line}}: {{reason}}',
      problemInColumn: '  line {{line}}, column {{column}}: {{reason}}',
      more: '  … and {{count}} more',
      dryRun: 'Dry run: nothing was imported.',
      imported: 'Imported in one transaction (导入完成): {{new}} new, {{updated}} updated.',
      refused: 'Nothing was imported: {{invalid}} rows are invalid. Fix them, or import the rest with --skip-invalid.',
      mappingSaved: 'Mapping saved to {{file}}; edit it and pass it with --mapping.',
    },
    cli: {
      missingFile: 'say which file to import: rounds import FILE',
      extraArgs: 'import one file at a time (got also "{{words}}")',
      badDateOrder: '--date-order must be MDY or DMY (got "{{value}}")',
      badLanguage: '--lang must be zh-CN or en (got "{{value}}")',
      badMaxMb: '--max-mb must be a positive number (got "{{value}}")',
      badZone: '--tz must be an IANA time zone such as Asia/Shanghai (got "{{value}}")',
      mappingUnreadable: 'cannot read the mapping file {{file}}',
    },
  },
  validation: {
    required: 'required',
    tooLong: 'too long',
    invalidChoice: '"{{value}}" is not one of the allowed values',
    notANumber: 'not a number',
    negative: 'must not be negative',
    invalidEmail: 'not an email address',
    invalidPhone: 'not a phone number',
    invalidDate: 'no such date',
    monthRange: 'month must be 1–12',
    dayRange: 'day must be 1–31',
    lunarDayRange: 'a lunar day is 1–30',
    yearRange: 'year must be 1900–2100',
    noLeapMonthInYear: 'that lunar year has no such leap month',
    labelRequired: 'a label is required',
    invalidCharacter: 'a character that cannot be saved (an invisible control character or half of a broken symbol)',
  },
};

const zh: Messages = {
  import: {
    file: {
      notFound: '找不到文件：{{file}}',
      empty: '文件是空的。',
      noRows: '文件只有表头，没有数据行。',
      tooLarge: '文件大小为 {{megabytes}} MB，导入上限为 {{limit}} MB。',
      notText: '这不是文本（CSV）文件。是否把二进制文件改名成了 .csv？',
      workbookNamedCsv: '这是一个扩展名为 .csv 的 Excel 工作簿，请改名为 .xlsx。',
      badEncoding: '文件声明为 {{encoding}} 编码，但内容不符。',
      badCsv: 'CSV 在第 {{line}} 行附近格式错误（引号未闭合或多余）。',
      badWorkbook: '这不是可读取的 .xlsx 工作簿。',
      noSuchSheet: '工作簿中没有名为“{{sheet}}”的工作表（现有：{{sheets}}）。',
      unsupportedType: '只能导入 .csv、.tsv、.txt 和 .xlsx 文件，不支持 {{extension}}。请将 .xls 另存为 .xlsx。',
    },
    mapping: {
      invalid: '映射中“{{header}}”列对应的字段不存在。',
      noAccountName: '没有列对应客户名称；请用 --mapping 指定列映射。',
      notJson: '映射文件不是有效的 JSON。',
      missingHeaders: '文件中没有映射里指定的列：{{headers}}。',
    },
    row: {
      ragged: '有 {{found}} 个单元格，表头有 {{expected}} 列',
      formulaWithoutValue: '单元格 {{cell}} 是未保存计算结果的公式（请先在 Excel 中打开并保存）',
      cellError: '单元格 {{cell}} 的值是错误 {{error}}',
      missingAccountName: '缺少客户名称',
      missingContactName: '缺少联系人姓名',
      missingVisitDate: '缺少拜访日期',
      duplicateInFile: '与第 {{firstLine}} 行重复',
      ambiguousAccount: '有多个名为“{{name}}”的客户，请增加城市列',
      readOnlyAccount: '该客户属于 {{owner}}，此处只读',
      readOnlyAccountOtherRep: '该客户属于其他销售，此处只读',
    },
    date: {
      unrecognised: '无法识别的日期',
      ambiguousOrder: '“{{text}}”可能是月/日，也可能是日/月；请用 --date-order MDY 或 DMY 指定',
      excelPhantomDay: 'Excel 序号 60 是 1900 年 2 月 29 日，这一天并不存在',
      invalidTime: '无效的时间',
      yearRequired: '拜访日期需要年份',
    },
    field: {
      accountName: '客户名称', accountExternalId: '客户外部编号', city: '城市', tier: '客户等级', industry: '行业', address: '地址',
      annualRevenue: '年营业额', contactName: '联系人', firstName: '名', lastName: '姓', contactExternalId: '联系人外部编号', title: '职务',
      phone: '电话', email: '邮箱', wechat: '微信', birthday: '生日', lunarBirthday: '农历生日', anniversary: '结婚纪念日',
      visitKind: '拜访类型', visitDoneAt: '拜访日期', visitOutcome: '拜访结果', visitNextStep: '下一步',
    },
    report: {
      file: '文件 {{file}}（{{source}}）：{{rows}} 行{{kind}}',
      kind_accounts: '客户',
      kind_contacts: '联系人',
      kind_visits: '拜访记录',
      columns: '列映射：',
      column: '  {{header}} → {{field}}',
      ignored: '  忽略：{{headers}}',
      counts: '新增：{{new}}   更新：{{updated}}   未变：{{unchanged}}   无效：{{invalid}}',
      duplicates: '与已有数据匹配：{{database}} 行；文件内重复：{{file}} 行',
      invalidHeading: '无效行：',
      problem: '  第 {{line}} 行：{{reason}}',
      problemInColumn: '  第 {{line}} 行，“{{column}}”列：{{reason}}',
      more: '  …… 另有 {{count}} 条',
      dryRun: '试运行：未导入任何数据。',
      imported: '已在一个事务中导入：新增 {{new}}，更新 {{updated}}。',
      refused: '未导入任何数据：{{invalid}} 行无效。请修正，或用 --skip-invalid 导入其余行。',
      mappingSaved: '列映射已保存到 {{file}}；可编辑后用 --mapping 传入。',
    },
    cli: {
      missingFile: '请指定要导入的文件：rounds import FILE',
      extraArgs: '一次只能导入一个文件（多出了“{{words}}”）',
      badDateOrder: '--date-order 只能是 MDY 或 DMY（收到“{{value}}”）',
      badLanguage: '--lang 只能是 zh-CN 或 en（收到“{{value}}”）',
      badMaxMb: '--max-mb 必须是正数（收到“{{value}}”）',
      badZone: '--tz 必须是 IANA 时区，例如 Asia/Shanghai（收到“{{value}}”）',
      mappingUnreadable: '无法读取映射文件 {{file}}',
    },
  },
  validation: {
    required: '必填',
    tooLong: '内容过长',
    invalidChoice: '“{{value}}”不是允许的取值',
    notANumber: '不是数字',
    negative: '不能为负数',
    invalidEmail: '邮箱格式不正确',
    invalidPhone: '电话号码格式不正确',
    invalidDate: '日期不存在',
    monthRange: '月份应为 1–12',
    dayRange: '日期应为 1–31',
    lunarDayRange: '农历日期应为 1–30',
    yearRange: '年份应为 1900–2100',
    noLeapMonthInYear: '该农历年没有这个闰月',
    labelRequired: '请填写名称',
    invalidCharacter: '含有无法保存的字符（不可见的控制字符或残缺的符号）',
  },
};

export const IMPORT_MESSAGES = { 'zh-CN': zh, en } as const;
