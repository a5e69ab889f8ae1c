/** The Team screen: the team's visit log, coverage for a period with its charts, exports, and the way to imports. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { ReportPeriodRequest } from '../../../core/api/contract.js';
import { useQuery } from '../../api/useQuery.js';
import { useNavigation } from '../../components/navigation.js';
import { CoverageTab } from './CoverageTab.js';
import { ExportPanel } from './ExportPanel.js';
import { PeriodPicker, resolvePeriod } from './PeriodPicker.js';
import { VisitLogTab } from './VisitLogTab.js';

export function TeamPage() {
  const { t } = useTranslation('team');
  const { navigate } = useNavigation();
  const info = useQuery((api) => api['app.info'](undefined), []);
  const [period, setPeriod] = useState<ReportPeriodRequest>({ preset: 'month' });
  const today = info.data?.today ?? new Date().toISOString().slice(0, 10);
  const days = resolvePeriod(period, today);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button icon={<ImportOutlined aria-hidden />} onClick={() => navigate({ name: 'import' })}>
          {t('import')}
        </Button>
      </Flex>
      <Card size="small" title={t('period.title')}>
        <Flex vertical gap={12}>
          <PeriodPicker value={period} onChange={setPeriod} today={today} />
          <ExportPanel period={period} />
        </Flex>
      </Card>
      <Tabs
        items={[
          { key: 'coverage', label: t('tabs.coverage'), children: <CoverageTab period={period} /> },
          { key: 'log', label: t('tabs.log'), children: <VisitLogTab from={days.from} to={days.to} /> },
        ]}
      />
    </Flex>
  );
}
