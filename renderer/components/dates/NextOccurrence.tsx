import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import type { YearlyDate } from '../../../core/model/schemas.js';
import type { DateKind } from '../../../core/model/enums.js';
import { diffDays, nextOccurrence, todayIn } from '../../../core/calendar/index.js';
import { useDateText } from './useDateText.js';

/** "Next: 2027年9月15日 (in 296 days) · 60 岁" — the Gregorian day a yearly date falls on next, from today. */
export function NextOccurrence({ date, kind }: { date: YearlyDate; kind?: DateKind }) {
  const { t } = useTranslation('account');
  const text = useDateText();
  const today = todayIn();
  const next = nextOccurrence(date, today);
  const daysAway = diffDays(next.day, today);
  const relative = daysAway === 0 ? t('dates.today') : t('dates.inDays', { count: daysAway });
  const years =
    next.years === null || next.years <= 0
      ? null
      : t(kind === 'birthday' ? 'dates.age' : 'dates.yearsSince', { count: next.years });
  return (
    <Typography.Text type="secondary" data-testid="next-occurrence">
      {t('dates.next', { date: text.day(next.day), relative })}
      {years && ` · ${years}`}
    </Typography.Text>
  );
}
