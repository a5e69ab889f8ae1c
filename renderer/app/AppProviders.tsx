/**
 * Everything every screen relies on: translations, antd in the user's language, antd's message/modal
 * context, the API and navigation. Tests mount screens inside the same providers with a fake API.
 */
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { RoundsApi } from '../../core/api/contract.js';
import { ApiProvider } from '../api/ApiContext.js';
import { i18n, useLanguage } from '../i18n/index.js';
import { NavigationProvider } from './navigation.js';

/** Calm and dense: a desktop tool read all day, not a landing page. */
const THEME: ThemeConfig = {
  token: { borderRadius: 4, fontSize: 13, colorPrimary: '#1d5f8a' },
  components: { Layout: { siderBg: '#fbfbfc', headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 16px' } },
};

/** antd's locale (pickers, tables, empty states) and the document language follow the UI language. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={THEME} componentSize="middle">
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ api, children }: { api: RoundsApi; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedAntd>
        <ApiProvider api={api}>
          <NavigationProvider>{children}</NavigationProvider>
        </ApiProvider>
      </LocalizedAntd>
    </I18nextProvider>
  );
}
