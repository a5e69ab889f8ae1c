/**
 * Create or edit an account, in a drawer. Enter saves (the drawer's Save button submits the form),
 * Esc closes. Field rules mirror `AccountFields` in core; the API's own issues land on the same fields.
 * An edit sends only the fields that changed, so sync carries only real changes.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoComplete, Button, Checkbox, Drawer, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { ACCOUNT_STATUSES, TIERS, type AccountStatus, type Tier, type TierSource } from '../../../core/model/enums.js';
import type { Account, AccountCreate, AccountPatch } from '../../../core/model/schemas.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useDiscardGuard } from '../../components/forms/useDiscardGuard.js';
import { useMoney } from '../../components/useMoney.js';

export interface AccountFormValues {
  name: string;
  tier: Tier;
  status: AccountStatus;
  industry?: string | null;
  city?: string | null;
  address?: string | null;
  longTermContract: boolean;
  strategic: boolean;
  annualRevenue?: number | null;
  cadenceDays?: number | null;
  interests?: string | null;
  notes?: string | null;
}

const FIELDS = ['name', 'tier', 'status', 'industry', 'city', 'address', 'longTermContract', 'strategic', 'annualRevenue', 'cadenceDays', 'interests', 'notes'] as const;

function valuesOf(account: Account | undefined): AccountFormValues {
  if (!account) return { name: '', tier: 'C', status: 'active', longTermContract: false, strategic: false };
  return Object.fromEntries(FIELDS.map((f) => [f, account[f]])) as unknown as AccountFormValues;
}

/** Empty inputs mean "no value": the API stores null, not ''. */
function normalised(values: AccountFormValues): AccountFormValues {
  const out = { ...values };
  for (const f of FIELDS) if ((out[f] as unknown) === '' || out[f] === undefined) (out as Record<string, unknown>)[f] = null;
  return out;
}

/** The tier source after the edit: choosing a tier by hand makes it manual; leaving it keeps the source. */
function tierSourceAfter(account: Account | undefined, tier: Tier): TierSource {
  return account && account.tier === tier ? account.tierSource : 'manual';
}

/** Only what changed, for `accounts.update`. */
export function accountPatch(account: Account, values: AccountFormValues): AccountPatch {
  const next = normalised(values);
  const patch: Record<string, unknown> = {};
  for (const f of FIELDS) if (next[f] !== account[f]) patch[f] = next[f];
  if (patch.tier !== undefined) patch.tierSource = 'manual';
  return patch as AccountPatch;
}

export interface AccountFormProps {
  open: boolean;
  /** the account to edit; omitted to create one */
  account?: Account;
  /** called with the saved account, or with nothing when the user cancels */
  onClose: (saved?: Account) => void;
}

export function AccountForm({ open, account, onClose }: AccountFormProps) {
  const { t } = useTranslation('accounts');
  const { t: tCommon } = useTranslation('common');
  const formId = useId();
  const [form] = Form.useForm<AccountFormValues>();
  const mutate = useMutation();
  const [saving, setSaving] = useState(false);
  const cities = useQuery((api) => (open ? api['accounts.cities']({}) : Promise.resolve([])), [open]);
  const tier = (Form.useWatch('tier', form) as Tier | undefined) ?? account?.tier ?? 'C';
  const money = useMoney();
  const requestClose = useDiscardGuard(form, account ? account.name : t('form.createTitle'), () => onClose());

  useEffect(() => {
    if (open) form.setFieldsValue(valuesOf(account));
  }, [open, account, form]);

  const save = async (values: AccountFormValues) => {
    setSaving(true);
    try {
      const saved = account
        ? await mutate((api) => api['accounts.update']({ id: account.id, patch: accountPatch(account, values) }))
        : await mutate((api) => api['accounts.create']({ ...normalised(values), tierSource: 'manual' } as AccountCreate));
      onClose(saved);
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, whitespace: true, message: tCommon('validation.required') };
  const maxLength = (max: number) => ({ max, message: tCommon('validation.tooLongMax', { max }) });

  return (
    <Drawer
      open={open}
      onClose={requestClose}
      title={account ? t('form.editTitle', { name: account.name }) : t('form.createTitle')}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={requestClose}>{tCommon('actions.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={saving}>
            {tCommon('actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<AccountFormValues> id={formId} form={form} layout="vertical" initialValues={valuesOf(account)} onFinish={(v) => void save(v)}>
        <Form.Item name="name" label={t('field.name')} rules={[required, maxLength(200)]}>
          <Input autoFocus />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="tier" label={t('field.tier')} rules={[{ required: true, message: tCommon('validation.required') }]} extra={t('form.tierSource', { source: tCommon(`enum.tierSource.${tierSourceAfter(account, tier)}`) })}>
            <Radio.Group optionType="button" options={TIERS.map((value) => ({ value, label: value }))} />
          </Form.Item>
          <Form.Item name="status" label={t('field.status')}>
            <Select style={{ width: 160 }} options={ACCOUNT_STATUSES.map((value) => ({ value, label: tCommon(`enum.accountStatus.${value}`) }))} />
          </Form.Item>
        </Space>
        <Space size="large" align="start" wrap>
          <Form.Item name="industry" label={t('field.industry')} rules={[maxLength(100)]}>
            <Input style={{ width: 230 }} />
          </Form.Item>
          <Form.Item name="city" label={t('field.city')} rules={[maxLength(100)]}>
            <AutoComplete style={{ width: 230 }} options={(cities.data ?? []).map((value) => ({ value }))} filterOption />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('field.address')} rules={[maxLength(300)]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('field.keyAccount')} extra={t('form.keyAccountHelp')}>
          <Space>
            <Form.Item name="longTermContract" valuePropName="checked" noStyle>
              <Checkbox>{t('field.longTermContract')}</Checkbox>
            </Form.Item>
            <Form.Item name="strategic" valuePropName="checked" noStyle>
              <Checkbox>{t('field.strategic')}</Checkbox>
            </Form.Item>
          </Space>
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="annualRevenue" label={t('field.annualRevenue')} rules={[{ type: 'number', min: 0, message: tCommon('validation.negative') }]}>
            <InputNumber<number> style={{ width: 230 }} prefix={money.symbol} />
          </Form.Item>
          <Form.Item
            name="cadenceDays"
            label={t('field.cadenceDays')}
            extra={t('form.cadenceHelp')}
            rules={[{ type: 'integer', min: 1, max: 365, message: tCommon('validation.cadenceRange') }]}
          >
            <InputNumber<number> style={{ width: 230 }} precision={0} placeholder={t('form.cadencePlaceholder')} />
          </Form.Item>
        </Space>
        <Form.Item name="interests" label={t('field.interests')} extra={t('form.interestsHelp')} rules={[maxLength(2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="notes" label={t('field.notes')} rules={[maxLength(10000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Typography.Text type="secondary">{t('form.enterToSave')}</Typography.Text>
      </Form>
    </Drawer>
  );
}
