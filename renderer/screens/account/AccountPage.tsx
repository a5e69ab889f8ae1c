/**
 * One account: who they are, everything that happened with them, and the actions a rep takes there.
 * The selected tab lives in the route (`?r=account&id=…&tab=…`), so back/forward and reloads keep it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Result, Skeleton, Space, Tabs } from 'antd';
import type { Note, Visit } from '../../../core/model/schemas.js';
import { ApiError } from '../../../core/api/errors.js';
import { useQuery } from '../../api/useQuery.js';
import { useNavigation } from '../../components/navigation.js';
import { useErrorText } from '../../i18n/errors.js';
import { AccountDialogs, type AccountDialog } from './AccountDialogs.js';
import { AccountHeader } from './AccountHeader.js';
import { ContactsTab } from './ContactsTab.js';
import { NotesTab } from './NotesTab.js';
import { OverviewTab, newestFirst } from './OverviewTab.js';
import { VisitsTab } from './VisitsTab.js';
import { ReadOnlyBanner, ReadOnlyProvider, WriteArea, useReadOnlyText } from '../../components/readOnly.js';
import { ComplaintsTab } from '../../components/complaints/ComplaintsTab.js';
import { RevenueTab } from '../reminders/RevenueTab.js';

export const ACCOUNT_TABS = ['overview', 'contacts', 'visits', 'notes', 'complaints', 'revenue'] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];

function tabOf(tab: string | undefined): AccountTab {
  return (ACCOUNT_TABS as readonly string[]).includes(tab ?? '') ? (tab as AccountTab) : 'overview';
}

export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation('account');
  const { t: tComplaints } = useTranslation('complaints');
  const { t: tReminders } = useTranslation('reminders');
  const errorText = useErrorText();
  const { route, navigate } = useNavigation();
  const [dialog, setDialog] = useState<AccountDialog | null>(null);
  const detail = useQuery((api) => api['accounts.get']({ id: accountId }), [accountId]);
  const timeline = useQuery((api) => api['accounts.timeline']({ id: accountId }), [accountId]);
  const readOnlyText = useReadOnlyText(detail.data ?? { readOnly: false, ownerName: null });

  if (detail.error instanceof ApiError && detail.error.code === 'not_found') {
    return (
      <Result
        status="404"
        title={t('page.notFound')}
        extra={<Button onClick={() => navigate({ name: 'accounts' })}>{t('page.backToAccounts')}</Button>}
      />
    );
  }
  if (!detail.data) {
    return detail.error ? <Alert type="error" showIcon message={errorText(detail.error)} /> : <Skeleton active />;
  }

  const items = newestFirst(timeline.data ?? []);
  const visits: Visit[] = items.flatMap((i) => (i.type === 'visit' ? [i.visit] : []));
  const notes: Note[] = items.flatMap((i) => (i.type === 'note' ? [i.note] : []));
  const activeTab = tabOf(route.name === 'account' ? route.tab : undefined);
  const data = detail.data;

  return (
    <ReadOnlyProvider reason={readOnlyText}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <ReadOnlyBanner />
        <AccountHeader detail={data} open={setDialog} />
        {timeline.error ? <Alert type="error" showIcon message={errorText(timeline.error)} /> : null}
        <Tabs
          activeKey={activeTab}
          onChange={(tab) => navigate({ name: 'account', id: accountId, tab })}
          items={[
            { key: 'overview', label: t('tabs.overview'), children: <OverviewTab detail={data} timeline={items} /> },
            { key: 'contacts', label: t('tabs.contacts', { count: data.contacts.length }), children: <ContactsTab detail={data} open={setDialog} /> },
            { key: 'visits', label: t('tabs.visits', { count: visits.length }), children: <VisitsTab visits={visits} contacts={data.contacts} open={setDialog} /> },
            { key: 'notes', label: t('tabs.notes', { count: notes.length }), children: <NotesTab notes={notes} contacts={data.contacts} visits={visits} open={setDialog} /> },
            {
              key: 'complaints',
              label: tComplaints('tab'),
              children: (
                <WriteArea>
                  <ComplaintsTab accountId={accountId} contacts={data.contacts} />
                </WriteArea>
              ),
            },
            {
              key: 'revenue',
              label: tReminders('revenue.tab'),
              children: (
                <WriteArea>
                  <RevenueTab accountId={accountId} />
                </WriteArea>
              ),
            },
          ]}
        />
        <AccountDialogs dialog={dialog} detail={data} visits={visits} onClose={() => setDialog(null)} />
      </Space>
    </ReadOnlyProvider>
  );
}
