import { useTranslation } from 'react-i18next';
import { Button, Card, Descriptions, Empty, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, GiftOutlined, PlusOutlined, StarFilled, UserAddOutlined } from '@ant-design/icons';
import type { AccountDetail } from '../../../core/api/contract.js';
import type { Contact, FamilyMember } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import type { OpenDialog } from './AccountDialogs.js';
import { ContactGifts } from './ContactGifts.js';
import { DateList } from './DateList.js';
import { WriteControl } from '../../components/readOnly.js';

export function ContactsTab({ detail, open }: { detail: AccountDetail; open: OpenDialog }) {
  const { t } = useTranslation('account');
  const accountId = detail.account.id;
  const accountDates = detail.dates.filter((d) => !d.contactId && !d.familyMemberId);

  return (
    <Flex vertical gap={12}>
      <Card
        size="small"
        title={t('contacts.accountDates')}
        extra={
          <WriteControl>
            <Button size="small" icon={<GiftOutlined />} onClick={() => open({ type: 'date', owner: { accountId } })}>
              {t('dates.add')}
            </Button>
          </WriteControl>
        }
      >
        {accountDates.length ? <DateList dates={accountDates} open={open} /> : <Typography.Text type="secondary">{t('dates.none')}</Typography.Text>}
      </Card>
      <div>
        <WriteControl>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => open({ type: 'contact' })}>
            {t('contacts.add')}
          </Button>
        </WriteControl>
      </div>
      {detail.contacts.length === 0 && <Empty description={t('contacts.empty')} />}
      {detail.contacts.map((contact) => (
        <ContactCard
          key={contact.id}
          contact={contact}
          family={detail.family.filter((f) => f.contactId === contact.id)}
          detail={detail}
          open={open}
        />
      ))}
    </Flex>
  );
}

function ContactCard({ contact, family, detail, open }: { contact: Contact; family: FamilyMember[]; detail: AccountDetail; open: OpenDialog }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const mutate = useMutation();
  const owner = { accountId: detail.account.id, contactId: contact.id };
  const ownDates = detail.dates.filter((d) => d.contactId === contact.id && !d.familyMemberId);

  return (
    <Card
      size="small"
      title={
        <Space size={6} wrap>
          <Typography.Text strong>{contact.name}</Typography.Text>
          {contact.isKey && (
            <Tag color="gold" icon={<StarFilled />}>
              {t('contacts.isKey')}
            </Tag>
          )}
          {contact.role && <Tag>{tCommon(`enum.contactRole.${contact.role}`)}</Tag>}
          {contact.title && <Typography.Text type="secondary">{contact.title}</Typography.Text>}
        </Space>
      }
      extra={
        <WriteControl>
          <Space size={0}>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('contacts.edit', { name: contact.name })} title={t('contacts.edit', { name: contact.name })} onClick={() => open({ type: 'contact', contact })} />
            <Popconfirm
              title={t('contacts.deleteConfirm', { name: contact.name })}
              okText={t('actions.delete')}
              cancelText={t('actions.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => mutate((api) => api['contacts.delete']({ id: contact.id }))}
            >
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('contacts.delete', { name: contact.name })} title={t('contacts.delete', { name: contact.name })} />
            </Popconfirm>
          </Space>
        </WriteControl>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        {contact.phone && <Descriptions.Item label={t('contacts.phone')}>{contact.phone}</Descriptions.Item>}
        {contact.email && <Descriptions.Item label={t('contacts.email')}>{contact.email}</Descriptions.Item>}
        {contact.wechat && <Descriptions.Item label={t('contacts.wechat')}>{contact.wechat}</Descriptions.Item>}
        {contact.interests && (
          <Descriptions.Item label={t('contacts.interests')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{contact.interests}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <DateList dates={ownDates} open={open} />
      <ContactGifts detail={detail} contactId={contact.id} />
      {family.map((member) => (
        <FamilyRow key={member.id} member={member} detail={detail} open={open} />
      ))}
      <WriteControl>
        <Space size={4} style={{ marginTop: 4 }}>
          <Button size="small" icon={<GiftOutlined />} onClick={() => open({ type: 'date', owner })}>
            {t('dates.add')}
          </Button>
          <Button size="small" icon={<PlusOutlined />} onClick={() => open({ type: 'family', contactId: contact.id })}>
            {t('family.add')}
          </Button>
        </Space>
      </WriteControl>
    </Card>
  );
}

function FamilyRow({ member, detail, open }: { member: FamilyMember; detail: AccountDetail; open: OpenDialog }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const mutate = useMutation();
  const memberDates = detail.dates.filter((d) => d.familyMemberId === member.id);
  const owner = { accountId: detail.account.id, contactId: member.contactId, familyMemberId: member.id };

  return (
    <div style={{ borderInlineStart: '2px solid rgba(5, 5, 5, 0.06)', paddingInlineStart: 8, marginBlock: 6 }}>
      <Space size={4} wrap>
        <Tag>{tCommon(`enum.familyRelation.${member.relation}`)}</Tag>
        <Typography.Text>{member.name}</Typography.Text>
        {member.notes && <Typography.Text type="secondary">{member.notes}</Typography.Text>}
        <WriteControl>
          <Button type="text" size="small" icon={<GiftOutlined />} aria-label={t('family.addDate', { name: member.name })} title={t('family.addDate', { name: member.name })} onClick={() => open({ type: 'date', owner })} />
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('family.edit', { name: member.name })} title={t('family.edit', { name: member.name })} onClick={() => open({ type: 'family', contactId: member.contactId, member })} />
          <Popconfirm
            title={t('family.deleteConfirm', { name: member.name })}
            okText={t('actions.delete')}
            cancelText={t('actions.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => mutate((api) => api['family.delete']({ id: member.id }))}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('family.delete', { name: member.name })} title={t('family.delete', { name: member.name })} />
          </Popconfirm>
        </WriteControl>
      </Space>
      <DateList dates={memberDates} open={open} />
    </div>
  );
}
