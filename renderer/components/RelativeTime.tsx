import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { format, formatDistanceToNow } from 'date-fns';
import { useDateFnsLocale } from '../i18n/index.js';

/** "3 weeks ago" with the absolute day beside it (Nov 17, 2026 / 2026年11月17日), both in the user's locale. */
export function RelativeTime({ at }: { at: string }) {
  const { t } = useTranslation('common');
  const locale = useDateFnsLocale();
  const date = new Date(at);
  return (
    <time dateTime={at} title={format(date, `${t('format.compactDay')} HH:mm`, { locale })}>
      {formatDistanceToNow(date, { addSuffix: true, locale })}{' '}
      <Typography.Text type="secondary">{format(date, t('format.compactDay'), { locale })}</Typography.Text>
    </time>
  );
}
