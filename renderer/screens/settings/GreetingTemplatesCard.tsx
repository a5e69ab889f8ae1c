/**
 * Settings › Greeting templates: a few messages per occasion (birthday, wedding anniversary, 春节, 中秋 …)
 * in Chinese and English, which the greeting dialog offers to copy with the person's name in place of
 * `{name}`. Edited here and kept on this computer only (`settings.greetingTemplates`); "Restore the
 * built-in templates" goes back to the ones Rounds comes with.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Flex, Input, Segmented, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LANGUAGES, type Language } from '../../../core/model/enums.js';
import { DEFAULT_GREETING_TEMPLATES, GREETING_OCCASIONS, NAME_PLACEHOLDER, type GreetingOccasion, type GreetingTemplate } from '../../../core/model/greetingTemplates.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../i18n/index.js';

export function GreetingTemplatesCard() {
  const { t } = useTranslation('settings');
  const { t: tCommon } = useTranslation('common');
  const { message } = App.useApp();
  const settings = useQuery((api) => api['settings.get']({}), []);
  const mutate = useMutation();
  const [occasion, setOccasion] = useState<GreetingOccasion>('birthday');
  const [language, setLanguage] = useState<Language>(useLanguage());
  const [templates, setTemplates] = useState<GreetingTemplate[] | null>(null);
  const [saving, setSaving] = useState(false);

  const stored = settings.data ? (settings.data.greetingTemplates ?? DEFAULT_GREETING_TEMPLATES) : null;
  useEffect(() => {
    if (stored && templates === null) setTemplates([...stored]);
  }, [stored, templates]);
  if (!templates) return null;

  const shown = templates.map((template, index) => ({ template, index })).filter(({ template }) => template.occasion === occasion && template.language === language);
  const change = (index: number, text: string) => setTemplates(templates.map((template, i) => (i === index ? { ...template, text } : template)));
  const remove = (index: number) => setTemplates(templates.filter((_, i) => i !== index));
  const add = () => setTemplates([...templates, { occasion, language, text: NAME_PLACEHOLDER }]);

  const save = async (next: GreetingTemplate[] | null) => {
    setSaving(true);
    try {
      const kept = next?.map((template) => ({ ...template, text: template.text.trim() })).filter((template) => template.text !== '') ?? null;
      await mutate((api) => api['settings.update']({ greetingTemplates: kept }));
      setTemplates(kept ? kept : [...DEFAULT_GREETING_TEMPLATES]);
      void message.success(t('templates.saved'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
          {t('templates.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('templates.hint', { placeholder: NAME_PLACEHOLDER })}
      </Typography.Paragraph>
      <Flex wrap gap={12} align="center" style={{ marginBlockEnd: 12 }}>
        <Select<GreetingOccasion>
          aria-label={t('templates.occasion')}
          value={occasion}
          onChange={setOccasion}
          style={{ width: 200 }}
          options={GREETING_OCCASIONS.map((value) => ({ value, label: occasionLabel(value) }))}
        />
        <Segmented<Language> value={language} onChange={setLanguage} options={LANGUAGES.map((value) => ({ value, label: tCommon(`enum.language.${value}`) }))} />
      </Flex>
      <Flex vertical gap={8}>
        {shown.length === 0 && <Typography.Text type="secondary">{t('templates.none')}</Typography.Text>}
        {shown.map(({ template, index }, position) => (
          <Flex key={index} gap={8} align="start">
            <Input.TextArea
              aria-label={t('templates.text', { number: position + 1 })}
              value={template.text}
              maxLength={500}
              autoSize={{ minRows: 1, maxRows: 4 }}
              onChange={(event) => change(index, event.target.value)}
              lang={template.language}
            />
            <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('templates.remove', { number: position + 1 })} title={t('templates.remove', { number: position + 1 })} onClick={() => remove(index)} />
          </Flex>
        ))}
        <Flex wrap gap={8} justify="space-between">
          <Button icon={<PlusOutlined aria-hidden />} onClick={add}>
            {t('templates.add')}
          </Button>
          <Flex gap={8}>
            <Button onClick={() => void save(null)} disabled={saving}>
              {t('templates.restore')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => void save(templates)}>
              {tCommon('actions.save')}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );

  function occasionLabel(value: GreetingOccasion): string {
    if (value === 'birthday' || value === 'wedding_anniversary') return tCommon(`enum.dateKind.${value}`);
    if (value === 'other') return t('templates.otherOccasion');
    return t(`festival:${value}`);
  }
}
