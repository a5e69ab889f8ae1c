import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'antd';

/**
 * Long histories (hundreds of visits and notes on a key account) render a page at a time, so opening
 * the account stays quick; the rest is one click away.
 */
export function useShownCount(step: number): { shown: number; more: () => void } {
  const [shown, setShown] = useState(step);
  return { shown, more: () => setShown((count) => count + step) };
}

export function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const { t } = useTranslation('account');
  if (total <= shown) return null;
  return (
    <div>
      <Button onClick={onMore}>{t('showMore', { count: total - shown })}</Button>
    </div>
  );
}
