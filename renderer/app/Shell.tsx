/**
 * The app frame: left navigation, a header with quick search, quick log, the Undo of the last one-click
 * action (in the header's row, so it never covers a screen's buttons) and the sync status, and the
 * current screen. Ctrl/Cmd+K opens search and Ctrl/Cmd+L the quick log from anywhere.
 * Below 1200 px (a 1024×640 laptop screen) the navigation narrows to its icons, each naming its section
 * in a tooltip, so the screen keeps the width it needs.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { BarChartOutlined, CalendarOutlined, EditOutlined, HomeOutlined, InboxOutlined, SearchOutlined, SettingOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { primaryShortcutLabel, usePrimaryHotkey } from '../components/useHotkey.js';
import { NARROW_WINDOW, useWindowSize } from '../components/useWindowSize.js';
import { QuickLogDialog } from '../components/log/QuickLogDialog.js';
import { AccountPage } from '../screens/account/AccountPage.js';
import { AccountsPage } from '../screens/accounts/AccountsPage.js';
import { CalendarPage } from '../screens/calendar/CalendarPage.js';
import { ComplaintsPage } from '../screens/complaints/ComplaintsPage.js';
import { ImportPage } from '../screens/import/ImportPage.js';
import { SettingsPage } from '../screens/settings/SettingsPage.js';
import { ConflictsNavLabel, ConflictsPage } from '../screens/sync/ConflictsPage.js';
import { isSoloUse, useSyncStatus } from '../screens/sync/useSyncStatus.js';
import { TierReviewPage } from '../screens/reminders/TierReviewPage.js';
import { TeamPage } from '../screens/team/TeamPage.js';
import { TodayPage } from '../screens/today/TodayPage.js';
import { useBrowserNotifications } from './notifications.js';
import { useNavigation, type Route } from '../components/navigation.js';
import { ReminderInHeader } from './ReminderInHeader.js';
import { SearchPalette } from './SearchPalette.js';
import { SyncStatus } from './SyncStatus.js';
import { UndoInHeader, UndoProvider } from '../components/undo/Undo.js';

type Section = 'today' | 'accounts' | 'complaints' | 'calendar' | 'team' | 'conflicts' | 'settings';

/** The account page and the import belong to the Accounts section of the navigation, the tier review to Today (its entry point). */
function sectionOf(route: Route): Section {
  if (route.name === 'account') return 'accounts';
  if (route.name === 'tiers') return 'today';
  if (route.name === 'import') return 'accounts';
  return route.name;
}

export function Shell() {
  const { t } = useTranslation('common');
  const { route, navigate } = useNavigation();
  const [searchOpen, setSearchOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  usePrimaryHotkey('k', () => setSearchOpen(true));
  usePrimaryHotkey('l', () => setLogOpen(true));
  const reminders = useBrowserNotifications();
  const accountInView = route.name === 'account' ? route.id : undefined;
  const sync = useSyncStatus();
  const narrow = useWindowSize().width < NARROW_WINDOW;

  // Used alone (or before the status is known) there is nothing to reconcile: no conflicts entry.
  const items = [
    { key: 'today', icon: <HomeOutlined aria-hidden />, label: t('nav.today') },
    { key: 'accounts', icon: <TeamOutlined aria-hidden />, label: t('nav.accounts') },
    { key: 'complaints', icon: <WarningOutlined aria-hidden />, label: t('nav.complaints') },
    { key: 'calendar', icon: <CalendarOutlined aria-hidden />, label: t('nav.calendar') },
    { key: 'team', icon: <BarChartOutlined aria-hidden />, label: t('team:nav') },
    { key: 'conflicts', icon: <InboxOutlined aria-hidden />, label: <ConflictsNavLabel count={sync?.conflicts ?? 0} /> },
    { key: 'settings', icon: <SettingOutlined aria-hidden />, label: t('nav.settings') },
  ].filter((item) => item.key !== 'conflicts' || (sync !== undefined && !isSoloUse(sync)));

  return (
    <UndoProvider>
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={188} collapsedWidth={56} collapsed={narrow} trigger={null} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
        <Typography.Title level={1} style={{ fontSize: 18, margin: narrow ? '14px 0' : '14px 20px', textAlign: narrow ? 'center' : undefined }} aria-label={narrow ? t('appName') : undefined}>
          {narrow ? [...t('appName')][0] : t('appName')}
        </Typography.Title>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            inlineCollapsed={narrow}
            selectedKeys={[sectionOf(route)]}
            items={items}
            onClick={({ key }) => navigate({ name: key as Section })}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, borderBlockEnd: '1px solid #f0f0f0' }}>
          <Tooltip title={t('header.searchShortcut', { shortcut: primaryShortcutLabel('k') })}>
            <Button icon={<SearchOutlined aria-hidden />} onClick={() => setSearchOpen(true)} style={{ width: narrow ? 200 : 280, justifyContent: 'flex-start' }}>
              {t('header.search')}
              <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
                {primaryShortcutLabel('k')}
              </Typography.Text>
            </Button>
          </Tooltip>
          <Tooltip title={t('header.logVisitShortcut', { shortcut: primaryShortcutLabel('l') })}>
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setLogOpen(true)}>
              {t('header.logVisit')}
            </Button>
          </Tooltip>
          <UndoInHeader />
          <ReminderInHeader reminders={reminders} />
          <Space style={{ marginInlineStart: 'auto' }}>
            <SyncStatus status={sync} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto', padding: 16 }}>
          <CurrentScreen route={route} />
        </Layout.Content>
      </Layout>
      <SearchPalette open={searchOpen} onClose={() => setSearchOpen(false)} />
      {logOpen && <QuickLogDialog open={logOpen} onClose={() => setLogOpen(false)} accountId={accountInView} />}
    </Layout>
    </UndoProvider>
  );
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <TodayPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'account':
      // Keyed so moving from one account to another starts from a fresh page.
      return <AccountPage key={route.id} accountId={route.id} />;
    case 'calendar':
      return <CalendarPage />;
    case 'complaints':
      return <ComplaintsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'tiers':
      return <TierReviewPage />;
    case 'conflicts':
      return <ConflictsPage />;
    case 'team':
      return <TeamPage />;
    case 'import':
      return <ImportPage />;
  }
}
