/**
 * The occasion's greeting templates (the rep's own from Settings, else the built-in ones), the current
 * language's first, each with the person's name filled in and a Copy button that puts it on the clipboard.
 */
import { useTranslation } from 'react-i18next';
import { App, Button, Flex, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { DEFAULT_GREETING_TEMPLATES, fillTemplate, templatesFor, type GreetingOccasion } from '../../../core/model/greetingTemplates.js';
import { useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../i18n/index.js';

export function GreetingTemplatePicker({ occasion, name }: { occasion: GreetingOccasion; name: string }) {
  const { t } = useTranslation('reminders');
  const { message } = App.useApp();
  const language = useLanguage();
  const settings = useQuery((api) => api['settings.get']({}), []);
  if (!settings.data) return null;
  const templates = templatesFor(settings.data.greetingTemplates ?? DEFAULT_GREETING_TEMPLATES, occasion, language);
  if (templates.length === 0) return null;

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('templates.copied'));
    } catch {
      void message.error(t('templates.copyFailed'));
    }
  };

  return (
    <section aria-label={t('templates.title')}>
      <Typography.Text type="secondary">{t('templates.title')}</Typography.Text>
      <Flex vertical gap={4} style={{ marginBlockStart: 4 }}>
        {templates.map((template, index) => {
          const text = fillTemplate(template.text, name);
          return (
            <Flex key={`${template.language}-${index}`} gap={8} align="center" style={{ background: '#fafafa', borderRadius: 6, padding: '4px 4px 4px 10px' }}>
              <Typography.Text style={{ flex: 1, minWidth: 0 }} lang={template.language}>
                {text}
              </Typography.Text>
              <Button size="small" icon={<CopyOutlined aria-hidden />} onClick={() => void copy(text)} aria-label={t('templates.copyLabel', { text })}>
                {t('templates.copy')}
              </Button>
            </Flex>
          );
        })}
      </Flex>
    </section>
  );
}
