import { useTranslation } from 'react-i18next';
import { Modal, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { Note } from '../../../core/model/schemas.js';
import { useQuery } from '../../api/useQuery.js';
import { useDateText } from '../../components/dates/useDateText.js';
import { NoteText } from './NoteText.js';

/** Every revision of a note, newest first, including the one that deleted it. */
export function NoteHistoryDialog({ open, note, onClose }: { open: boolean; note: Note; onClose: () => void }) {
  const { t } = useTranslation('account');
  const dates = useDateText();
  const revisions = useQuery((api) => api['notes.revisions']({ id: note.id }), [note.id]);
  const newestFirst = [...(revisions.data ?? [])].sort((a, b) => b.revision - a.revision);

  return (
    <Modal open={open} title={t('notes.historyTitle')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {revisions.loading && !revisions.data ? (
        <Skeleton active />
      ) : (
        <Timeline
          items={newestFirst.map((r) => ({
            key: r.revision,
            color: r.deleted ? 'red' : r.revision === note.revision ? 'blue' : 'gray',
            content: (
              <>
                <Typography.Text type="secondary">
                  {t('notes.revisionLabel', { revision: r.revision, date: dates.instant(r.createdAt) })}
                </Typography.Text>{' '}
                {r.deleted && <Tag color="red">{t('notes.deleted')}</Tag>}
                <NoteText body={r.body} />
              </>
            ),
          }))}
        />
      )}
    </Modal>
  );
}
