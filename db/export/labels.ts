/**
 * Export wording for callers without i18next (the CLI): column headers, enum values and report
 * headings in zh-CN and en. The app passes the same shape built from its own i18n resources.
 */
import type { FestivalId } from '../../core/calendar/festivals.js';
import type { DateKind, Tier, VisitKind, VisitStatus } from '../../core/model/enums.js';
import type { PeriodPreset } from '../../core/reports/period.js';

export const EXPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export interface ExportLabels {
  language: ExportLanguage;
  /** the visit log's sheet name */
  visitLog: string;
  visitColumns: {
    account: string;
    tier: string;
    city: string;
    rep: string;
    kind: string;
    status: string;
    plannedAt: string;
    doneAt: string;
    purpose: string;
    contactsMet: string;
    outcome: string;
    nextStep: string;
  };
  tier: Record<Tier, string>;
  visitKind: Record<VisitKind, string>;
  visitStatus: Record<VisitStatus, string>;
  dateKind: Record<DateKind, string>;
  festival: Record<FestivalId, string>;
  /** the rep on this device, when the settings hold no name */
  me: string;
  /** another rep, known only by id */
  rep: (shortId: string) => string;
  allReps: string;
  report: {
    title: Record<PeriodPreset | 'custom', string>;
    period: string;
    rep: string;
    generated: string;
    page: (page: number, pages: number) => string;
    totals: string;
    byTier: string;
    byRep: string;
    chartTitle: string;
    overdueAccounts: string;
    moreOverdue: (count: number) => string;
    complaints: string;
    lifecycle: string;
    greetings: string;
    noData: string;
    columns: {
      group: string;
      accounts: string;
      due: string;
      withinCadence: string;
      coverage: string;
      overdue: string;
      visitsDone: string;
      averageGap: string;
      account: string;
      tier: string;
      rep: string;
      lastVisit: string;
      daysOverdue: string;
      opened: string;
      answeredWithinTarget: string;
      resolved: string;
      medianResponse: string;
      lapsed: string;
      wonBack: string;
      greetingsDue: string;
      greetingsDone: string;
    };
  };
  calendar: {
    name: string;
    visit: (kind: string, account: string) => string;
    date: (kind: string, person: string, account: string) => string;
  };
}

const ZH: ExportLabels = {
  language: 'zh-CN',
  visitLog: '拜访记录',
  visitColumns: {
    account: '客户名称',
    tier: '等级',
    city: '城市',
    rep: '销售代表',
    kind: '类型',
    status: '状态',
    plannedAt: '计划时间',
    doneAt: '完成时间',
    purpose: '目的',
    contactsMet: '会见联系人',
    outcome: '结果',
    nextStep: '下一步',
  },
  tier: { A: 'A 类', B: 'B 类', C: 'C 类' },
  visitKind: {
    routine: '例行拜访',
    complaint_follow_up: '投诉回访',
    executive: '领导走访',
    delivery: '送货',
    training: '培训',
    survey: '满意度调查',
    phone_call: '电话',
    meeting: '会议',
  },
  visitStatus: { planned: '已计划', done: '已完成', cancelled: '已取消' },
  dateKind: {
    birthday: '生日',
    wedding_anniversary: '结婚纪念日',
    founding_day: '公司成立日',
    contract_anniversary: '签约纪念日',
    first_deal_anniversary: '首次成交纪念日',
    custom: '纪念日',
  },
  festival: {
    new_year: '元旦',
    chinese_new_years_eve: '除夕',
    spring_festival: '春节',
    lantern: '元宵节',
    qingming: '清明节',
    labour_day: '劳动节',
    dragon_boat: '端午节',
    qixi: '七夕',
    mid_autumn: '中秋节',
    double_ninth: '重阳节',
    national_day: '国庆节',
    christmas: '圣诞节',
  },
  me: '我',
  rep: (shortId) => `销售代表 ${shortId}`,
  allReps: '全体销售代表',
  report: {
    title: { month: '月报', quarter: '季报', half_year: '半年报', year: '年报', custom: '拜访覆盖报告' },
    period: '期间',
    rep: '销售代表',
    generated: '生成时间',
    page: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
    totals: '总览',
    byTier: '按客户等级',
    byRep: '按销售代表',
    chartTitle: '各等级拜访覆盖率',
    overdueAccounts: '逾期未访客户',
    moreOverdue: (count) => `另有 ${count} 个逾期客户未列出`,
    complaints: '客户投诉',
    lifecycle: '流失与挽回',
    greetings: '节日与纪念日问候',
    noData: '暂无数据',
    columns: {
      group: '分组',
      accounts: '客户数',
      due: '应访',
      withinCadence: '按时拜访',
      coverage: '覆盖率',
      overdue: '逾期',
      visitsDone: '完成拜访',
      averageGap: '平均间隔（天）',
      account: '客户名称',
      tier: '等级',
      rep: '销售代表',
      lastVisit: '上次拜访',
      daysOverdue: '逾期天数',
      opened: '新增投诉',
      answeredWithinTarget: '按时响应',
      resolved: '已解决',
      medianResponse: '响应时间中位数（分钟）',
      lapsed: '流失客户',
      wonBack: '挽回客户',
      greetingsDue: '应问候',
      greetingsDone: '已问候',
    },
  },
  calendar: {
    name: '巡访',
    visit: (kind, account) => `${kind}：${account}`,
    date: (kind, person, account) => `${person}${kind}（${account}）`,
  },
};

const EN: ExportLabels = {
  language: 'en',
  visitLog: 'Visit log',
  visitColumns: {
    account: 'Account',
    tier: 'Tier',
    city: 'City',
    rep: 'Rep',
    kind: 'Kind',
    status: 'Status',
    plannedAt: 'Planned at',
    doneAt: 'Done at',
    purpose: 'Purpose',
    contactsMet: 'Contacts met',
    outcome: 'Outcome',
    nextStep: 'Next step',
  },
  tier: { A: 'A', B: 'B', C: 'C' },
  visitKind: {
    routine: 'Routine visit',
    complaint_follow_up: 'Complaint follow-up',
    executive: 'Executive visit',
    delivery: 'Delivery',
    training: 'Training',
    survey: 'Satisfaction survey',
    phone_call: 'Phone call',
    meeting: 'Meeting',
  },
  visitStatus: { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' },
  dateKind: {
    birthday: 'birthday',
    wedding_anniversary: 'wedding anniversary',
    founding_day: 'founding day',
    contract_anniversary: 'contract anniversary',
    first_deal_anniversary: 'first-deal anniversary',
    custom: 'anniversary',
  },
  festival: {
    new_year: "New Year's Day",
    chinese_new_years_eve: "Chinese New Year's Eve",
    spring_festival: 'Spring Festival',
    lantern: 'Lantern Festival',
    qingming: 'Qingming Festival',
    labour_day: 'Labour Day',
    dragon_boat: 'Dragon Boat Festival',
    qixi: 'Qixi Festival',
    mid_autumn: 'Mid-Autumn Festival',
    double_ninth: 'Double Ninth Festival',
    national_day: 'National Day',
    christmas: 'Christmas',
  },
  me: 'Me',
  rep: (shortId) => `Rep ${shortId}`,
  allReps: 'All reps',
  report: {
    title: { month: 'Monthly report', quarter: 'Quarterly report', half_year: 'Half-year report', year: 'Annual report', custom: 'Visit coverage report' },
    period: 'Period',
    rep: 'Rep',
    generated: 'Generated',
    page: (page, pages) => `Page ${page} of ${pages}`,
    totals: 'Overview',
    byTier: 'By tier',
    byRep: 'By rep',
    chartTitle: 'Coverage by tier',
    overdueAccounts: 'Overdue accounts',
    moreOverdue: (count) => `${count} more overdue accounts not listed`,
    complaints: 'Complaints',
    lifecycle: 'Lapsed and won back',
    greetings: 'Greetings',
    noData: 'No data yet',
    columns: {
      group: 'Group',
      accounts: 'Accounts',
      due: 'Due',
      withinCadence: 'Within cadence',
      coverage: 'Coverage',
      overdue: 'Overdue',
      visitsDone: 'Visits done',
      averageGap: 'Average gap (days)',
      account: 'Account',
      tier: 'Tier',
      rep: 'Rep',
      lastVisit: 'Last visit',
      daysOverdue: 'Days overdue',
      opened: 'Opened',
      answeredWithinTarget: 'Answered within target',
      resolved: 'Resolved',
      medianResponse: 'Median response (minutes)',
      lapsed: 'Lapsed accounts',
      wonBack: 'Won back',
      greetingsDue: 'Due',
      greetingsDone: 'Done',
    },
  },
  calendar: {
    name: 'Rounds',
    visit: (kind, account) => `${kind}: ${account}`,
    date: (kind, person, account) => `${person}'s ${kind} (${account})`,
  },
};

export function exportLabels(language: ExportLanguage): ExportLabels {
  return language === 'zh-CN' ? ZH : EN;
}
