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
import { NavigationProvider } from '../components/navigation.js';

/**
 * Calm and dense: a desktop tool read all day, not a landing page.
 * Contrast (WCAG AA, 4.5:1): antd's secondary text (45% black) and the text of several preset tag
 * colours (`<hue>7` on `<hue>1`, as low as 2.8:1 for gold) are too light, so those tokens are darker here,
 * for every screen's tags at once.
 */
function readableTagText(textColors: Record<string, string>): Record<string, string> {
  // antd keeps each palette step under two names (`gold7` and `gold-7`); its CSS variables use the second.
  return Object.fromEntries(Object.entries(textColors).flatMap(([hue, color]) => [[`${hue}7`, color], [`${hue}-7`, color]]));
}

const THEME: ThemeConfig = {
  token: {
    borderRadius: 4,
    fontSize: 13,
    colorPrimary: '#1d5f8a',
    // The palette antd derives from this primary has a grey-blue tint too dark behind primary text.
    colorPrimaryBg: '#e4eff6',
    colorPrimaryBgHover: '#d6e7f1',
    controlItemBgActive: '#e4eff6',
    controlItemBgActiveHover: '#d6e7f1',
    colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorLink: '#1d5f8a',
    // Danger and warning text (breached complaints, overdue) at antd's defaults is 3.3:1 and 1.9:1 on white.
    colorErrorText: '#cf1322',
    colorWarningText: '#ad4e00',
    ...readableTagText({ volcano: '#ad2102', orange: '#ad4e00', gold: '#874d00', yellow: '#876800', lime: '#3f6600', green: '#237804', cyan: '#006d75' }),
  },
  components: {
    Layout: { siderBg: '#fbfbfc', headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 16px' },
    // A table's "no rows" text is drawn in the disabled grey (2.3:1); it is content, so give it secondary text's grey.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
    Menu: { itemSelectedBg: '#e4eff6', itemSelectedColor: '#17496a', itemActiveBg: '#eef4f8' },
  },
};

/** antd's locale (pickers, tables, empty states) and the document language follow the UI language. */
function LocalizedAntd({ children }: { children: ReactNode }) {
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    // antd spaces out two-character Chinese button labels ("回 复", "保 存"); Chinese UI text is not spaced.
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={THEME} componentSize="middle" button={{ autoInsertSpace: false }}>
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
