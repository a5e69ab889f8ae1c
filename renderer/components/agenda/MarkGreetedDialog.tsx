import { useTranslation } from 'react-i18next';
import { Form, Input, Radio } from 'antd';
import type { FestivalItem, ImportantDateItem } from '../../../core/agenda/types.js';
import { GREETING_CHANNELS, type GreetingChannel } from '../../../core/model/enums.js';
import { occasionOf } from '../../../core/model/greetingTemplates.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { DialogSubject } from '../log/DialogSubject.js';
import { FormModal } from '../log/FormModal.js';
import { useUndoOffer } from '../undo/Undo.js';
import { GreetingTemplatePicker } from './GreetingTemplatePicker.js';
import { useAgendaText } from './useAgendaText.js';

interface GreetedValues {
  channel: GreetingChannel;
  gift?: string;
  note?: string;
}

/**
 * Marks a date or festival reminder done (`greetings.mark`): how the contact was greeted and what was given
 * (the gift shows on the account's timeline and, next year, on the reminder: "去年送：蛋糕"). The title names
 * the account; the first line whose date it is, what it is, when it falls and what was given last time.
 * The occasion's templates, with the person's name filled in, copy to the clipboard. Saving offers Undo.
 */
export function MarkGreetedDialog({ item, onClose }: { item: ImportantDateItem | FestivalItem; onClose: () => void }) {
  const { t } = useTranslation('reminders');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<GreetedValues>();
  const mutate = useMutation();
  const offerUndo = useUndoOffer();
  const text = useAgendaText()(item);
  // The person greeted: the family member, else the contact; a company date greets the account.
  const person = (item.kind === 'important_date' ? item.familyMemberName : null) ?? item.contactName ?? item.accountName;

  const save = async (values: GreetedValues) => {
    try {
      const greeting = await mutate((api) =>
        api['greetings.mark']({
          key: item.key,
          accountId: item.accountId,
          contactId: item.contactId,
          familyMemberId: item.kind === 'important_date' ? item.familyMemberId : null,
          dateId: item.kind === 'important_date' ? item.dateId : null,
          festivalId: item.kind === 'festival' ? item.festivalId : null,
          occurrenceDay: item.occurrenceDay,
          channel: values.channel,
          gift: values.gift?.trim() || null,
          note: values.note?.trim() || null,
        }),
      );
      offerUndo({ text: tCommon('undo.greeted', { who: person, account: item.accountName }), undo: (api) => api['greetings.undo']({ id: greeting.id }) });
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<GreetedValues> open title={t('greeted.titleFor', { account: item.accountName })} form={form} initialValues={{ channel: 'wechat' }} onClose={onClose} onSubmit={save}>
      <DialogSubject who={text.who ?? item.accountName}>
        {[text.what, text.when, text.lastGreeting].filter(Boolean).join(' · ')}
      </DialogSubject>
      <Form.Item name="channel" label={t('greeted.channel')} rules={[{ required: true, message: tCommon('validation.required') }]}>
        <Radio.Group optionType="button" options={GREETING_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))} />
      </Form.Item>
      <Form.Item name="gift" label={t('greeted.gift')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="note" label={t('greeted.note')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <GreetingTemplatePicker occasion={occasionOf(item.kind === 'festival' ? { festivalId: item.festivalId } : { dateKind: item.dateKind })} name={person} />
    </FormModal>
  );
}
