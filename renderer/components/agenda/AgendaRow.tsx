/**
 * One agenda item: tier and account, the person (a family member with whose family they are), what it
 * is, last year's greeting, why it is on the list, and its actions, each one or two clicks away.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Space, Typography } from 'antd';
import type { AgendaAction, AgendaItem } from '../../../core/agenda/types.js';
import { useNavigation } from '../navigation.js';
import { PlanVisitDialog } from '../log/PlanVisitDialog.js';
import { AccountLink } from '../AccountLink.js';
import { TierTag } from '../TierTag.js';
import { ComplaintStepDialog } from '../complaints/ComplaintStepDialog.js';
import { AgendaLogVisitDialog } from './AgendaLogVisitDialog.js';
import { MarkGreetedDialog } from './MarkGreetedDialog.js';
import { SnoozeButton } from './SnoozeButton.js';
import { useAgendaText } from './useAgendaText.js';

type DialogAction = Exclude<AgendaAction, 'snooze' | 'open_account'>;

export function AgendaRow({ item, today }: { item: AgendaItem; today: string }) {
  const { t } = useTranslation('today');
  const { navigate } = useNavigation();
  const describe = useAgendaText();
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const text = describe(item);
  const breached = item.kind === 'complaint_breached';
  const close = () => setDialog(null);

  return (
    <Flex wrap gap={8} align="center" justify="space-between" style={{ padding: '6px 0' }}>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 420px' }}>
        <Space wrap size={6}>
          <TierTag tier={item.tier} />
          <AccountLink id={item.accountId}>{item.accountName}</AccountLink>
          {text.who && <Typography.Text>{text.who}</Typography.Text>}
          <Typography.Text strong type={breached ? 'danger' : undefined}>{text.what}</Typography.Text>
          {text.when && <Typography.Text type="secondary">{text.when}</Typography.Text>}
          {text.lastGreeting && <Typography.Text type="secondary">· {text.lastGreeting}</Typography.Text>}
        </Space>
        {text.why && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text.why}</Typography.Text>}
      </Flex>
      <Space wrap size={4}>
        {item.actions.map((action) => {
          if (action === 'snooze') return <SnoozeButton key={action} item={item} today={today} />;
          const onClick = action === 'open_account' ? () => navigate({ name: 'account', id: item.accountId }) : () => setDialog(action);
          return (
            <Button key={action} size="small" type={action === item.actions[0] ? 'primary' : 'default'} onClick={onClick} aria-label={`${t(`action.${action}`)} · ${item.accountName}`}>
              {t(`action.${action}`)}
            </Button>
          );
        })}
      </Space>
      {dialog === 'log_visit' && <AgendaLogVisitDialog accountId={item.accountId} visitId={item.kind === 'planned_visit' ? item.visitId : undefined} onClose={close} />}
      {dialog === 'plan_visit' && <PlanVisitDialog open accountId={item.accountId} accountName={item.accountName} reason={[text.what, text.when].filter(Boolean).join(' · ')} onClose={close} />}
      {dialog === 'mark_greeted' && (item.kind === 'important_date' || item.kind === 'festival') && <MarkGreetedDialog item={item} onClose={close} />}
      {(dialog === 'respond_complaint' || dialog === 'resolve_complaint') && 'complaintId' in item && (
        <ComplaintStepDialog step={dialog === 'respond_complaint' ? 'respond' : 'resolve'} complaintId={item.complaintId} accountId={item.accountId} onClose={close} />
      )}
    </Flex>
  );
}
