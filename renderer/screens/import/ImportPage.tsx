/**
 * Import accounts, contacts or visits from a CSV or XLSX file: pick the file, check (and change) the
 * detected header row (a sheet may open with a merged title row), the column mapping and the date
 * order, see how the first rows will be read (raw → parsed), read the dry run (new / updated /
 * unchanged / invalid rows with their line numbers, values and reasons), then import every valid row
 * in one go — or nothing.
 */
import { useEffect, useState } from 'react';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Input, Select, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { MAX_IMPORT_FILE_BYTES, type ImportApplyView, type ImportPreviewView } from '../../../core/api/contract.js';
import { TARGET_FIELDS, type ColumnMapping, type TargetField } from '../../../core/import/columns.js';
import type { DateOrder } from '../../../core/import/dates.js';
import type { RowProblem } from '../../../core/import/issues.js';
import type { ParsedCell, PreviewRow } from '../../../core/import/preview.js';
import { nextOccurrence, todayIn } from '../../../core/calendar/index.js';
import { useApi } from '../../api/ApiContext.js';
import { invalidateAll, useQuery } from '../../api/useQuery.js';
import { dateOfDay, useDateText } from '../../components/dates/useDateText.js';
import { useDateFnsLocale, useLanguage } from '../../i18n/index.js';
import { importIssueOf } from './importMessages.js';

const MEGABYTE = 1024 * 1024;
const IGNORE = '';

interface PickedFile {
  name: string;
  contentBase64: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ImportPage() {
  const { t } = useTranslation('import');
  const api = useApi();
  const saved = useQuery((a) => a['imports.mappings'](undefined), []);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [headerLine, setHeaderLine] = useState<number | undefined>(undefined);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [dateOrder, setDateOrder] = useState<DateOrder | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportApplyView | null>(null);
  const [mappingName, setMappingName] = useState('');

  const explain = (error: unknown) => {
    const issue = importIssueOf(error);
    setProblem(issue ? t(issue.key, issue.params ?? {}) : t('failed'));
  };
  const request = () =>
    file
      ? { fileName: file.name, contentBase64: file.contentBase64, ...(mapping ? { mapping } : {}), ...(dateOrder ? { dateOrder } : {}), ...(headerLine ? { headerLine } : {}), ...(sheet ? { sheet } : {}) }
      : null;

  // Every change of file, mapping or date order runs the dry run again.
  useEffect(() => {
    const input = request();
    if (!input) return undefined;
    let live = true;
    setChecking(true);
    setProblem(null);
    setResult(null);
    api['imports.preview'](input).then(
      (view) => live && (setPreview(view), setChecking(false)),
      (error: unknown) => live && (setPreview(null), explain(error), setChecking(false)),
    );
    return () => {
      live = false;
    };
  }, [api, file, mapping, dateOrder, headerLine, sheet]);

  const pick = async (picked: File) => {
    setMapping(undefined);
    setHeaderLine(undefined);
    setSheet(undefined);
    setPreview(null);
    if (picked.size > MAX_IMPORT_FILE_BYTES) {
      setFile(null);
      setProblem(t('import.file.tooLarge', { megabytes: +(picked.size / MEGABYTE).toFixed(1), limit: MAX_IMPORT_FILE_BYTES / MEGABYTE }));
      return;
    }
    setFile({ name: picked.name, contentBase64: await readAsBase64(picked) });
  };

  const apply = async () => {
    const input = request();
    if (!input) return;
    try {
      const outcome = await api['imports.apply']({ ...input, skipInvalid });
      setResult(outcome);
      if (outcome.imported) invalidateAll();
    } catch (error) {
      explain(error);
    }
  };

  const saveMapping = async () => {
    if (!preview || mappingName.trim() === '') return;
    await api['imports.saveMapping']({ name: mappingName.trim(), mapping: preview.mapping });
    saved.reload();
  };

  const fieldOptions = [{ value: IGNORE, label: t('mapping.ignore') }, ...TARGET_FIELDS.map((field) => ({ value: field, label: t(`import.field.${field}`) }))];
  const reason = (row: RowProblem) => t(row.issue.key, row.issue.params ?? {});
  // Another header row means other column names: the mapping is detected again from them.
  const chooseHeaderLine = (line: number) => {
    setMapping(undefined);
    setHeaderLine(line);
  };
  // Another sheet has its own header row and columns.
  const chooseSheet = (name: string) => {
    setMapping(undefined);
    setHeaderLine(undefined);
    setSheet(name);
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card size="small">
        <Space wrap align="center">
          <Upload accept=".csv,.tsv,.txt,.xlsx" showUploadList={false} beforeUpload={(picked) => (void pick(picked), false)}>
            <Button icon={<UploadOutlined aria-hidden />}>{t('pick')}</Button>
          </Upload>
          {file && <Typography.Text>{file.name}</Typography.Text>}
          <Select
            aria-label={t('dateOrder.label')}
            style={{ minWidth: 200 }}
            value={dateOrder ?? IGNORE}
            onChange={(value: string) => setDateOrder(value === IGNORE ? undefined : (value as DateOrder))}
            options={[
              { value: IGNORE, label: t('dateOrder.auto') },
              { value: 'MDY', label: t('dateOrder.MDY') },
              { value: 'DMY', label: t('dateOrder.DMY') },
            ]}
          />
          {(saved.data ?? []).length > 0 && (
            <Select
              aria-label={t('mapping.saved')}
              placeholder={t('mapping.useSaved')}
              style={{ minWidth: 200 }}
              options={(saved.data ?? []).map((entry) => ({ value: entry.name, label: entry.name }))}
              onChange={(name: string) => setMapping(saved.data?.find((entry) => entry.name === name)?.mapping)}
            />
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBlock: '8px 0' }}>
          {t('hint', { limit: MAX_IMPORT_FILE_BYTES / MEGABYTE })}
        </Typography.Paragraph>
      </Card>

      {problem && <Alert type="error" showIcon message={problem} role="alert" />}
      {checking && <Typography.Text type="secondary">{t('checking')}</Typography.Text>}

      {preview && (
        <>
          <Card size="small" title={preview.sheets.length > 1 ? t('headerRow.titleWithSheet') : t('headerRow.label')}>
            <Flex vertical gap={8}>
              {preview.sheets.length > 1 && (
                <Space align="center">
                  <Typography.Text>{t('sheet.label')}</Typography.Text>
                  <Select aria-label={t('sheet.label')} style={{ minWidth: 200 }} value={preview.source} onChange={(name: string) => chooseSheet(name)} options={preview.sheets.map((name) => ({ value: name, label: name }))} />
                </Space>
              )}
              <Select
                aria-label={t('headerRow.label')}
                style={{ maxWidth: 720 }}
                value={preview.headerLine}
                onChange={(line: number) => chooseHeaderLine(line)}
                options={preview.headerCandidates.map((row) => ({ value: row.line, label: t('headerRow.option', { line: row.line, cells: candidateText(row.cells) }) }))}
              />
              <Typography.Text type="secondary">{t('headerRow.detected', { line: preview.headerLine })}</Typography.Text>
            </Flex>
          </Card>

          <Card size="small" title={t('mapping.title', { kind: t(`import.report.kind_${preview.kind}`), source: preview.source })}>
            {preview.needsAccountName && <Alert type="warning" showIcon role="alert" style={{ marginBlockEnd: 8 }} message={t('import.mapping.noAccountName')} />}
            <Table
              size="small"
              rowKey="header"
              pagination={false}
              dataSource={preview.headers.map((header) => ({ header }))}
              columns={[
                { key: 'header', title: t('mapping.column'), render: (_, row) => row.header },
                { key: 'example', title: t('sample.example'), render: (_, row) => <Typography.Text type="secondary">{exampleOf(preview, row.header)}</Typography.Text> },
                {
                  key: 'field',
                  title: t('mapping.field'),
                  render: (_, row) => (
                    <Select
                      aria-label={t('mapping.fieldFor', { header: row.header })}
                      style={{ minWidth: 220 }}
                      value={preview.mapping[row.header] ?? IGNORE}
                      options={fieldOptions}
                      onChange={(value: string) => setMapping({ ...preview.mapping, [row.header]: value === IGNORE ? null : (value as TargetField) })}
                    />
                  ),
                },
              ]}
            />
            <Space style={{ marginBlockStart: 8 }}>
              <Input aria-label={t('mapping.name')} placeholder={t('mapping.name')} value={mappingName} onChange={(event) => setMappingName(event.target.value)} maxLength={100} />
              <Button onClick={() => void saveMapping()} disabled={mappingName.trim() === ''}>
                {t('mapping.save')}
              </Button>
            </Space>
          </Card>

          {preview.sample.length > 0 && preview.sample[0]!.cells.length > 0 && <SampleCard sample={preview.sample} />}

          <Card size="small" title={t('dryRun.title')}>
            <Descriptions size="small" column={{ xs: 2, md: 4 }}>
              <Descriptions.Item label={t('dryRun.new')}>{preview.counts.new}</Descriptions.Item>
              <Descriptions.Item label={t('dryRun.updated')}>{preview.counts.updated}</Descriptions.Item>
              <Descriptions.Item label={t('dryRun.unchanged')}>{preview.counts.unchanged}</Descriptions.Item>
              <Descriptions.Item label={t('dryRun.invalid')}>{preview.counts.invalid}</Descriptions.Item>
            </Descriptions>
            {preview.duplicates.length > 0 && <Typography.Paragraph>{t('dryRun.duplicates', { count: preview.duplicates.length })}</Typography.Paragraph>}
            {preview.invalid.length > 0 && (
              <Table<RowProblem>
                size="small"
                rowKey={(row) => `${row.line} ${row.issue.key} ${String(row.issue.params?.column ?? '')}`}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={preview.invalid}
                title={() => t('dryRun.invalidRows')}
                columns={[
                  { key: 'line', title: t('dryRun.line'), width: 80, render: (_, row) => row.line },
                  { key: 'column', title: t('dryRun.column'), width: 160, render: (_, row) => row.issue.params?.column ?? '' },
                  { key: 'value', title: t('dryRun.value'), width: 200, render: (_, row) => <Typography.Text code={row.issue.params?.value !== undefined}>{row.issue.params?.value ?? ''}</Typography.Text> },
                  { key: 'reason', title: t('dryRun.reason'), render: (_, row) => reason(row) },
                ]}
              />
            )}
            {preview.invalidNotListed > 0 && <Typography.Text type="secondary">{t('dryRun.more', { count: preview.invalidNotListed })}</Typography.Text>}
            <Flex gap={12} align="center" style={{ marginBlockStart: 12 }}>
              {preview.counts.invalid > 0 && (
                <Checkbox checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)}>
                  {t('apply.skipInvalid', { count: preview.counts.invalid })}
                </Checkbox>
              )}
              <Button type="primary" onClick={() => void apply()} disabled={preview.needsAccountName || (preview.counts.invalid > 0 && !skipInvalid)}>
                {t('apply.button', { count: preview.counts.new + preview.counts.updated })}
              </Button>
            </Flex>
          </Card>
        </>
      )}
      {result && (
        <Alert
          role="status"
          type={result.imported ? 'success' : 'warning'}
          showIcon
          message={result.imported ? t('apply.done', { new: result.counts.new, updated: result.counts.updated }) : t('apply.nothing')}
        />
      )}
    </Flex>
  );
}

/** A candidate header row in the picker: its first non-empty cells. */
function candidateText(cells: readonly string[]): string {
  const text = cells.filter((cell) => cell !== '').join(' · ');
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** The first non-empty value of a column in the sample, to recognise the column by. */
function exampleOf(preview: ImportPreviewView, header: string): string {
  const column = preview.headers.indexOf(header);
  for (const row of preview.sample) {
    const cell = row.texts[column];
    if (cell) return cell;
  }
  return '';
}

/** The first rows as the import will read them: each mapped cell as written, and what it becomes. */
function SampleCard({ sample }: { sample: PreviewRow[] }) {
  const { t } = useTranslation('import');
  const headers = sample[0]!.cells.map((cell) => ({ header: cell.header, field: cell.field }));
  return (
    <Card size="small" title={t('sample.title')}>
      <Typography.Paragraph type="secondary" style={{ marginBlockStart: 0 }}>
        {t('sample.help')}
      </Typography.Paragraph>
      <Table<PreviewRow>
        size="small"
        rowKey="line"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={sample}
        columns={[
          { key: 'line', title: t('dryRun.line'), width: 64, render: (_, row) => row.line },
          ...headers.map(({ header, field }, index) => ({
            key: header,
            title: (
              <Flex vertical>
                <span>{header}</span>
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{`→ ${t(`import.field.${field}`)}`}</Typography.Text>
              </Flex>
            ),
            render: (_: unknown, row: PreviewRow) => <SampleValue raw={row.cells[index]?.raw ?? null} parsed={row.cells[index]?.parsed ?? null} />,
          })),
        ]}
      />
    </Card>
  );
}

function SampleValue({ raw, parsed }: { raw: string | null; parsed: ParsedCell | null }) {
  const { t } = useTranslation('import');
  const { t: tCommon } = useTranslation('common');
  const text = useDateText();
  const language = useLanguage();
  const locale = useDateFnsLocale();
  if (raw === null || parsed === null) return null;
  const shown = (() => {
    switch (parsed.type) {
      case 'text':
        return null;
      case 'amount':
        return t('sample.amount', { value: new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(parsed.value) });
      case 'tier':
        return tCommon(`enum.tier.${parsed.value}`);
      case 'visitKind':
        return tCommon(`enum.visitKind.${parsed.value}`);
      case 'date': {
        const time = parsed.minutes === null ? '' : ` ${String(Math.floor(parsed.minutes / 60)).padStart(2, '0')}:${String(parsed.minutes % 60).padStart(2, '0')}`;
        // A lunar date moves in the Gregorian calendar: say when it next falls.
        if (parsed.date.calendar !== 'lunar') return `${text.yearly(parsed.date)}${time}`;
        return t('sample.lunarNext', { date: text.yearly(parsed.date), next: format(dateOfDay(nextOccurrence(parsed.date, todayIn()).day), 'PP', { locale }) });
      }
      case 'invalid':
        return null;
    }
  })();
  if (parsed.type === 'invalid') {
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text delete>{raw}</Typography.Text>
        <Typography.Text type="danger">{t(parsed.issue.key, parsed.issue.params ?? {})}</Typography.Text>
      </Space>
    );
  }
  return (
    <Typography.Text>
      {raw}
      {shown !== null && shown !== raw && (
        <>
          <Typography.Text type="secondary">{' → '}</Typography.Text>
          <Typography.Text strong>{shown}</Typography.Text>
        </>
      )}
    </Typography.Text>
  );
}
