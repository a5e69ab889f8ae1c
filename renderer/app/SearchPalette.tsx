/**
 * Ctrl/Cmd+K: type, ↑↓, Enter opens the account (a contact opens its account), Esc closes.
 * A combobox over a listbox, so screen readers follow the highlighted result.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Modal, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { QuickSearchResult } from '../../core/api/contract.js';
import { useQuery } from '../api/useQuery.js';
import { TierTag } from '../components/TierTag.js';
import { useDebouncedValue } from '../components/useDebouncedValue.js';
import { useNavigation } from '../components/navigation.js';

const SEARCH_DELAY_MS = 120;

interface Hit {
  key: string;
  accountId: string;
  group: 'accounts' | 'contacts';
  title: string;
  detail: string | null;
  tier?: 'A' | 'B' | 'C';
}

/** One ordered list for keyboard movement: accounts first, then contacts. */
function hitsOf(result: QuickSearchResult | null | undefined): Hit[] {
  if (!result) return [];
  return [
    ...result.accounts.map((a): Hit => ({ key: `a:${a.id}`, accountId: a.id, group: 'accounts', title: a.name, detail: a.city, tier: a.tier })),
    ...result.contacts.map((c): Hit => ({
      key: `c:${c.id}`,
      accountId: c.accountId,
      group: 'contacts',
      title: c.name,
      detail: [c.title, c.accountName].filter(Boolean).join(' · '),
    })),
  ];
}

export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('common');
  const { navigate } = useNavigation();
  const listId = useId();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);
  const result = useQuery((api) => (open && q ? api['search.quick']({ q }) : Promise.resolve(null)), [open, q]);
  const hits = useMemo(() => (q ? hitsOf(result.data) : []), [q, result.data]);

  useEffect(() => setActive(0), [q]);
  useEffect(() => {
    if (!open) setTyped('');
  }, [open]);

  const openHit = (hit: Hit | undefined) => {
    if (!hit) return;
    onClose();
    navigate({ name: 'account', id: hit.accountId });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (hits.length ? (i + step + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      openHit(hits[active]);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('search.title')} destroyOnHidden width={560} style={{ top: 80 }}>
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? optionId(active) : undefined}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('search.title')} style={{ listStyle: 'none', padding: 0, margin: '12px 0 0', maxHeight: 360, overflow: 'auto' }}>
        {hits.map((hit, index) => (
          <li
            key={hit.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            onMouseEnter={() => setActive(index)}
            onClick={() => openHit(hit)}
            style={{ padding: '6px 8px', borderRadius: 4, cursor: 'pointer', display: 'flex', gap: 8, alignItems: 'center', background: index === active ? '#e6f0f7' : undefined }}
          >
            <Typography.Text type="secondary" style={{ width: 56, fontSize: 12 }}>
              {t(`search.${hit.group}`)}
            </Typography.Text>
            {hit.tier && <TierTag tier={hit.tier} />}
            <span>{hit.title}</span>
            {hit.detail && <Typography.Text type="secondary">{hit.detail}</Typography.Text>}
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {!q ? t('search.typeToSearch') : result.data && hits.length === 0 ? t('search.noResults', { q }) : t('search.hint')}
      </Typography.Text>
    </Modal>
  );
}
