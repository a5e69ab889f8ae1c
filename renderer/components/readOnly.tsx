/**
 * Another rep's account in a lead's app is read-only (the API says so in `AccountDetail.readOnly`;
 * the rule itself lives in db/repo/readOnly.ts). The account page provides why, once; each edit
 * control wraps itself in `WriteControl`, which disables it and shows the reason on hover, so the
 * control stays visible and the user learns why it does nothing.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ConfigProvider, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { AccountDetail } from '../../core/api/contract.js';

/** The translated reason edits are off, or null when the account is writable. */
const ReadOnlyReason = createContext<string | null>(null);

export function useReadOnlyReason(): string | null {
  return useContext(ReadOnlyReason);
}

/** "Read-only: owned by 张伟" (or "another rep" when the name is unknown); null for a writable account. */
export function useReadOnlyText(detail: Pick<AccountDetail, 'readOnly' | 'ownerName'>): string | null {
  const { t } = useTranslation('account');
  if (!detail.readOnly) return null;
  return detail.ownerName ? t('readOnly.ownedBy', { owner: detail.ownerName }) : t('readOnly.ownedByOtherRep');
}

export function ReadOnlyProvider({ reason, children }: { reason: string | null; children: ReactNode }) {
  return <ReadOnlyReason.Provider value={reason}>{children}</ReadOnlyReason.Provider>;
}

/** The banner at the top of a read-only account. */
export function ReadOnlyBanner() {
  const { t } = useTranslation('account');
  const reason = useReadOnlyReason();
  if (reason === null) return null;
  return <Alert type="info" showIcon icon={<LockOutlined aria-hidden />} message={reason} description={t('readOnly.explanation')} />;
}

/**
 * One edit control (or a group of them): as it is on a writable account; on a read-only one disabled
 * (antd's disabled context reaches buttons, inputs and the buttons inside a Popconfirm) with the
 * reason as its tooltip.
 */
export function WriteControl({ children }: { children: ReactNode }) {
  const reason = useReadOnlyReason();
  if (reason === null) return <>{children}</>;
  return (
    <Tooltip title={reason}>
      <span style={{ display: 'inline-flex' }}>
        <ConfigProvider componentDisabled>{children}</ConfigProvider>
      </span>
    </Tooltip>
  );
}

/** A whole area of edit controls owned by another screen (complaints, revenue): disabled, the banner says why. */
export function WriteArea({ children }: { children: ReactNode }) {
  const reason = useReadOnlyReason();
  return reason === null ? <>{children}</> : <ConfigProvider componentDisabled>{children}</ConfigProvider>;
}
