import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../core/model/enums.js';

/**
 * Volcano red / gold / blue, always with the letter, so the tier never depends on colour alone.
 * Solid and dark enough for white text to pass WCAG AA.
 */
const TIER_COLORS: Record<Tier, string> = { A: '#b7320c', B: '#8f6200', C: '#0b5cad' };

export function TierTag({ tier }: { tier: Tier }) {
  const { t } = useTranslation('common');
  return (
    <Tag color={TIER_COLORS[tier]} aria-label={t('tier.label', { tier })} title={t('tier.label', { tier })} style={{ fontWeight: 600, marginInlineEnd: 0 }}>
      {tier}
    </Tag>
  );
}
