import { useTranslation } from 'react-i18next';
import { Button, Card, Empty, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { Contact, Note, Visit } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { useDateText } from '../../components/dates/useDateText.js';
import type { OpenDialog } from './AccountDialogs.js';
import { WriteControl } from '../../components/readOnly.js';
import { NoteText } from './NoteText.js';
import { ShowMore, useShownCount } from './ShowMore.js';
import { visitTime } from './visitTime.js';

export interface NotesTabProps {
  notes: readonly Note[];
  contacts: readonly Contact[];
  visits: readonly Visit[];
  open: OpenDialog;
}

const PAGE = 50;

export function NotesTab({ notes, contacts, visits, open }: NotesTabProps) {
  const { t } = useTranslation('account');
  const mutate = useMutation();
  const dates = useDateText();
  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name;
  const visitOf = (id: string | null) => visits.find((v) => v.id === id);
  const { shown, more } = useShownCount(PAGE);

  return (
    <Flex vertical gap={8}>
      <div>
        <WriteControl>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ type: 'note' })}>
            {t('actions.newNote')}
          </Button>
        </WriteControl>
      </div>
      {notes.length === 0 && <Empty description={t('notes.empty')} />}
      {notes.slice(0, shown).map((note) => {
        const visit = visitOf(note.visitId);
        const contact = contactName(note.contactId);
        return (
          <Card
            key={note.id}
            size="small"
            title={
              <Space size={4} wrap>
                <Typography.Text type="secondary">{dates.instant(note.updatedAt)}</Typography.Text>
                {note.revision > 1 && <Tag>{t('notes.edited')}</Tag>}
                {visit && <Tag color="blue">{t('notes.aboutVisit', { date: dates.dayOfInstant(visitTime(visit)) })}</Tag>}
                {contact && <Tag>{contact}</Tag>}
              </Space>
            }
            extra={
              <Space size={0}>
                <WriteControl>
                  <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('notes.edit')} title={t('notes.edit')} onClick={() => open({ type: 'note', note })} />
                </WriteControl>
                <Button type="text" size="small" icon={<HistoryOutlined />} aria-label={t('notes.history')} title={t('notes.history')} onClick={() => open({ type: 'noteHistory', note })} />
                <WriteControl>
                  <Popconfirm
                    title={t('notes.deleteConfirm')}
                    description={t('notes.deleteHint')}
                    okText={t('actions.delete')}
                    cancelText={t('actions.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => mutate((api) => api['notes.delete']({ id: note.id }))}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('notes.delete')} title={t('notes.delete')} />
                  </Popconfirm>
                </WriteControl>
              </Space>
            }
          >
            <NoteText body={note.body} />
          </Card>
        );
      })}
      <ShowMore shown={shown} total={notes.length} onMore={more} />
    </Flex>
  );
}
