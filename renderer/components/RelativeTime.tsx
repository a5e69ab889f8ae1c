import { Typography } from 'antd';
import { format, formatDistanceToNow } from 'date-fns';
import { useDateFnsLocale } from '../i18n/index.js';

/** "3 weeks ago" with the absolute day beside it, both in the user's locale. */
export function RelativeTime({ at }: { at: string }) {
  const locale = useDateFnsLocale();
  const date = new Date(at);
  return (
    <time dateTime={at} title={format(date, 'PPPp', { locale })}>
      {formatDistanceToNow(date, { addSuffix: true, locale })}{' '}
      <Typography.Text type="secondary">{format(date, 'PP', { locale })}</Typography.Text>
    </time>
  );
}
