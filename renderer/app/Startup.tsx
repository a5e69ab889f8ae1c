/**
 * What the app shows first: the recovery screen when the database cannot be opened, onboarding on the
 * first run, otherwise the shell. The stored language setting drives the UI language from here.
 */
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Result, Spin } from 'antd';
import { useQuery, useStatusVersion } from '../api/useQuery.js';
import { useErrorText } from '../i18n/errors.js';
import { firstRunLanguage } from '../i18n/index.js';
import { RecoveryScreen } from '../screens/recovery/RecoveryScreen.js';
import { Onboarding } from '../screens/onboarding/Onboarding.js';
import { Shell } from './Shell.js';

export function Startup() {
  // Asked again when a call meets a damaged or unreadable data file, so the recovery screen comes at once.
  const statusVersion = useStatusVersion();
  const status = useQuery((api) => api['app.status']({}), [statusVersion]);
  if (!status.data) return <Pending error={status.error} onRetry={status.reload} />;
  if (status.data.state === 'problem') return <RecoveryScreen status={status.data} />;
  return <ReadyApp />;
}

function ReadyApp() {
  const { i18n } = useTranslation();
  const settings = useQuery((api) => api['settings.get']({}), []);
  // Before onboarding nothing is stored yet: the browser's language, when it is one of ours, comes first.
  const language = settings.data && (settings.data.onboarded ? settings.data.language : firstRunLanguage(settings.data.language));
  // Before paint, so the first screen never flashes in the other language. Applied when the setting
  // changes, not on every render: react-i18next hands out a new `i18n` after each language change, and
  // re-applying the stored language then would undo the language the rep just picked on onboarding.
  const applied = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (!language || applied.current === language) return;
    applied.current = language;
    if (language !== i18n.language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  if (!settings.data) return <Pending error={settings.error} onRetry={settings.reload} />;
  if (!settings.data.onboarded) return <Onboarding settings={{ ...settings.data, language: language ?? settings.data.language }} />;
  return <Shell />;
}

/** Loading, or the host could not be reached: say so and offer to try again. */
function Pending({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  if (!error) {
    return (
      <main style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin aria-label={t('loading')} />
      </main>
    );
  }
  return (
    <main>
      <Result status="warning" title={errorText(error)} extra={<Button onClick={onRetry}>{t('actions.retry')}</Button>} />
    </main>
  );
}
