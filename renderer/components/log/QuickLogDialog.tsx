/**
 * Log a visit or write a note in a few keystrokes, from anywhere (the shell opens it with Ctrl/Cmd+L):
 * pick the account by search (unless given), choose visit or note, type, Enter (or Ctrl/Cmd+Enter in a
 * text area) saves, Esc closes. When the account has a visit planned today, logging a visit completes
 * that one (at its planned time) unless the rep says it was another.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Form, Radio, Segmented, Select } from 'antd';
import { format, startOfDay } from 'date-fns';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useReadOnlyText } from '../readOnly.js';
import { useDebouncedValue } from '../useDebouncedValue.js';
import { useUndoOffer } from '../undo/Undo.js';
import { FormModal } from './FormModal.js';
import { VisitLogFields, visitLogDefaults, visitLogInput, type VisitLogValues } from './VisitLogFields.js';
import { NoteFields, noteCreateInput, type NoteValues } from './NoteFields.js';
import { VisitSubject } from './VisitSubject.js';

type Mode = 'visit' | 'note';
type QuickLogValues = { accountId: string } & VisitLogValues & NoteValues;

const SEARCH_DELAY_MS = 150;

export interface QuickLogDialogProps {
  open: boolean;
  onClose: () => void;
  /** log for this account; omitted to let the user search for one */
  accountId?: string;
}

export function QuickLogDialog({ open, onClose, accountId }: QuickLogDialogProps) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<QuickLogValues>();
  const mutate = useMutation();
  const offerUndo = useUndoOffer();
  const [mode, setMode] = useState<Mode>('visit');
  const chosenAccountId = (Form.useWatch('accountId', form) as string | undefined) ?? accountId;

  const detail = useQuery(
    (api) => (open && chosenAccountId ? api['accounts.get']({ id: chosenAccountId }) : Promise.resolve(null)),
    [open, chosenAccountId],
  );
  const contacts = detail.data?.contacts ?? [];
  const accountName = detail.data?.account.name;
  // A visit planned today on this account: logging a visit completes it rather than adding a second one.
  const plannedToday = useQuery(
    (api) => (open && chosenAccountId ? api['visits.upcoming']({ from: startOfDay(new Date()).toISOString(), days: 1 }) : Promise.resolve([])),
    [open, chosenAccountId],
  );
  const planned = plannedToday.data?.find((v) => v.accountId === chosenAccountId);
  const [completePlanned, setCompletePlanned] = useState(true);
  const completing = mode === 'visit' && planned !== undefined && completePlanned;
  useEffect(() => {
    if (!planned) return;
    form.setFieldsValue(completePlanned ? { kind: planned.kind, doneAt: new Date(planned.plannedAt!) } : { doneAt: new Date() });
  }, [form, planned, completePlanned]);
  // Another rep's account in a lead's app: say so before anything is typed; saving would be refused.
  const readOnlyText = useReadOnlyText(detail.data ?? { readOnly: false, ownerName: null });

  const save = async (values: QuickLogValues) => {
    const target = values.accountId ?? accountId;
    try {
      const account = accountName ?? '';
      if (mode === 'visit') {
        const logged = await mutate((api) => api['visits.log'](visitLogInput(target, values, completing ? planned.id : undefined)));
        offerUndo({
          text: tCommon(completing ? 'undo.completed' : 'undo.logged', { account }),
          undo: (api) => api['visits.unlog']({ id: logged.id, updatedAt: logged.updatedAt, plannedKind: completing ? planned.kind : null }),
        });
      } else {
        const note = await mutate((api) => api['notes.create'](noteCreateInput(target, values)));
        offerUndo({ text: tCommon('undo.noted', { account }), undo: (api) => api['notes.delete']({ id: note.id }) });
      }
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<QuickLogValues>
      open={open}
      title={accountName ? t('quickLog.titleFor', { account: accountName }) : t('quickLog.title')}
      form={form}
      width={640}
      initialValues={{ ...visitLogDefaults(), accountId, body: '' }}
      onClose={onClose}
      onSubmit={save}
    >
      <Form.Item
        name="accountId"
        label={t('quickLog.account')}
        rules={[{ required: true, message: tCommon('validation.required') }]}
        hidden={Boolean(accountId)}
      >
        <AccountSearchSelect initialLabel={detail.data?.account.name} />
      </Form.Item>
      {accountId && accountName && !planned && <p>{accountName}</p>}
      {planned && accountName && mode === 'visit' && (
        <>
          <VisitSubject accountName={accountName} visit={planned} contacts={contacts} />
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('quickLog.plannedToday', { time: format(new Date(planned.plannedAt!), 'HH:mm') })}
            description={
              <Radio.Group name="plannedToday" value={completePlanned ? 'planned' : 'another'} onChange={(event) => setCompletePlanned(event.target.value === 'planned')}>
                <Radio value="planned">{t('quickLog.completePlanned')}</Radio>
                <Radio value="another">{t('quickLog.anotherVisit')}</Radio>
              </Radio.Group>
            }
          />
        </>
      )}
      {readOnlyText && <Alert type="warning" showIcon message={readOnlyText} description={t('readOnly.explanation')} style={{ marginBottom: 16 }} />}
      <Segmented<Mode>
        aria-label={t('quickLog.mode')}
        value={mode}
        onChange={setMode}
        options={[
          { value: 'visit', label: t('quickLog.visit') },
          { value: 'note', label: t('quickLog.note') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {mode === 'visit' ? <VisitLogFields contacts={contacts} /> : <NoteFields contacts={contacts} visits={[]} />}
    </FormModal>
  );
}

/** An account picker that asks `search.quick` as the user types (accounts, and contacts by their account). */
function AccountSearchSelect({ value, onChange, initialLabel, id }: { value?: string; onChange?: (id: string) => void; initialLabel?: string; id?: string }) {
  const { t } = useTranslation('account');
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);

  const results = useQuery((api) => (query ? api['search.quick']({ q: query }) : Promise.resolve(null)), [query]);
  const accountOptions = (results.data?.accounts ?? []).map((a) => ({ value: a.id, label: a.city ? `${a.name} · ${a.city}` : a.name }));
  const contactOptions = (results.data?.contacts ?? [])
    .filter((c) => !accountOptions.some((o) => o.value === c.accountId))
    .map((c) => ({ value: c.accountId, label: `${c.accountName} (${c.name})` }));
  const options = [...accountOptions, ...contactOptions];
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      autoFocus
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('quickLog.searchPlaceholder')}
      notFoundContent={query ? t('quickLog.noMatch') : t('quickLog.typeToSearch')}
      options={options}
      loading={results.loading && Boolean(query)}
    />
  );
}
