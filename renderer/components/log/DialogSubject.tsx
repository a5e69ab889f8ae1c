/**
 * The first line of a one-click dialog: whose it is (the account, the person) and what it is about
 * (the complaint's words, the date and its owner, the planned time), so the rep never saves into the
 * wrong row.
 */
import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function DialogSubject({ who, children }: { who: ReactNode; children?: ReactNode }) {
  return (
    <Typography.Paragraph data-testid="dialog-subject" style={{ marginBlock: '0 16px', paddingBlock: 8, paddingInline: 12, background: '#fafafa', borderRadius: 6 }}>
      <Typography.Text strong>{who}</Typography.Text>
      {children && <span style={{ display: 'block', marginBlockStart: 4 }}>{children}</span>}
    </Typography.Paragraph>
  );
}
