/** The words data sets are made of: real cities, plausible companies and people, in Chinese and English. */

export const CITIES = [
  { city: '上海', districts: ['浦东新区', '徐汇区', '闵行区', '嘉定区', '松江区'], prefix: '上海' },
  { city: '北京', districts: ['朝阳区', '海淀区', '丰台区', '大兴区', '顺义区'], prefix: '北京' },
  { city: '深圳', districts: ['南山区', '福田区', '宝安区', '龙岗区'], prefix: '深圳' },
  { city: '杭州', districts: ['西湖区', '滨江区', '余杭区', '萧山区'], prefix: '杭州' },
  { city: '苏州', districts: ['工业园区', '吴中区', '相城区', '高新区'], prefix: '苏州' },
  { city: '成都', districts: ['武侯区', '高新区', '锦江区', '双流区'], prefix: '成都' },
  { city: '武汉', districts: ['江汉区', '洪山区', '东西湖区', '汉阳区'], prefix: '武汉' },
  { city: '广州', districts: ['天河区', '黄埔区', '番禺区', '白云区'], prefix: '广州' },
  { city: '南京', districts: ['江宁区', '鼓楼区', '建邺区', '栖霞区'], prefix: '南京' },
  { city: '重庆', districts: ['渝北区', '九龙坡区', '江北区', '沙坪坝区'], prefix: '重庆' },
  { city: '天津', districts: ['滨海新区', '西青区', '南开区'], prefix: '天津' },
  { city: '宁波', districts: ['鄞州区', '北仑区', '海曙区'], prefix: '宁波' },
  { city: '无锡', districts: ['新吴区', '滨湖区', '惠山区'], prefix: '无锡' },
  { city: '常州', districts: ['武进区', '新北区', '天宁区'], prefix: '常州' },
  { city: '青岛', districts: ['黄岛区', '崂山区', '城阳区'], prefix: '青岛' },
  { city: '西安', districts: ['雁塔区', '未央区', '高新区'], prefix: '西安' },
  { city: '长沙', districts: ['岳麓区', '雨花区', '开福区'], prefix: '长沙' },
  { city: '厦门', districts: ['思明区', '湖里区', '集美区'], prefix: '厦门' },
] as const;

export const STREETS = ['科技路', '人民路', '建设大道', '中山路', '工业大道', '创新路', '长江路', '东方路', '解放路', '高新大道'];

/** Name parts of Chinese companies: [brand words] + [line of business] + [legal form]. */
export const BRAND_WORDS = [
  '华东', '华南', '中原', '金桥', '宏达', '恒信', '瑞丰', '鼎盛', '永安', '天成', '云栖', '博远', '启明', '东方',
  '振华', '汇丰', '新元', '海川', '长风', '明德', '正泰', '远景', '力拓', '安顺', '德胜', '嘉禾', '凯旋', '星河',
  '精工', '盛世', '卓越', '和信', '通达', '宝利', '万邦', '富春', '立信', '友谊', '蓝海', '青松', '银河', '光明',
];

export const INDUSTRIES = [
  { industry: '机械制造', lines: ['精密机械', '重工机械', '液压设备', '数控机床'] },
  { industry: '软件与信息技术', lines: ['软件科技', '信息技术', '数据科技', '网络科技'] },
  { industry: '化工', lines: ['化工', '新材料', '精细化工'] },
  { industry: '汽车零部件', lines: ['汽车零部件', '汽车电子', '动力系统'] },
  { industry: '医疗器械', lines: ['医疗器械', '生物医药', '医疗科技'] },
  { industry: '电子元器件', lines: ['电子', '半导体', '光电科技'] },
  { industry: '建筑工程', lines: ['建设工程', '建材', '工程咨询'] },
  { industry: '物流', lines: ['物流', '供应链管理', '国际货运'] },
  { industry: '食品饮料', lines: ['食品', '饮料', '乳业'] },
  { industry: '能源', lines: ['能源', '新能源', '电力设备'] },
  { industry: '零售', lines: ['商贸', '连锁超市', '百货'] },
] as const;

export const LEGAL_FORMS = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];

/** Branches of national companies: 中国石油天然气股份有限公司苏州分公司 … */
export const NATIONAL_GROUPS = [
  { name: '中国石油天然气股份有限公司', industry: '能源' },
  { name: '中国石化销售股份有限公司', industry: '能源' },
  { name: '中国移动通信集团', industry: '软件与信息技术' },
  { name: '国家电网', industry: '能源' },
  { name: '中国建筑第八工程局', industry: '建筑工程' },
  { name: '中国中车', industry: '机械制造' },
  { name: '招商局物流集团', industry: '物流' },
] as const;

/** Foreign and joint-venture companies, written the way their Chinese entities sign in English. */
export const FOREIGN_BRANDS = [
  { name: 'Bosch Rexroth', industry: '机械制造' },
  { name: 'Siemens Healthineers', industry: '医疗器械' },
  { name: 'Schneider Electric', industry: '电子元器件' },
  { name: 'BASF', industry: '化工' },
  { name: 'Continental Automotive', industry: '汽车零部件' },
  { name: 'DHL Supply Chain', industry: '物流' },
  { name: 'Nestlé', industry: '食品饮料' },
  { name: 'ABB', industry: '电子元器件' },
  { name: 'SAP', industry: '软件与信息技术' },
  { name: 'Danone', industry: '食品饮料' },
  { name: 'Atlas Copco', industry: '机械制造' },
  { name: 'Medtronic', industry: '医疗器械' },
] as const;

/** City names in English for joint ventures: "Bosch Rexroth (Changzhou)". */
export const CITY_IN_ENGLISH: Record<string, string> = {
  上海: 'Shanghai', 北京: 'Beijing', 深圳: 'Shenzhen', 杭州: 'Hangzhou', 苏州: 'Suzhou', 成都: 'Chengdu',
  武汉: 'Wuhan', 广州: 'Guangzhou', 南京: 'Nanjing', 重庆: 'Chongqing', 天津: 'Tianjin', 宁波: 'Ningbo',
  无锡: 'Wuxi', 常州: 'Changzhou', 青岛: 'Qingdao', 西安: "Xi'an", 长沙: 'Changsha', 厦门: 'Xiamen',
};

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '萧', '田', '董', '潘', '袁', '蔡', '蒋', '余',
  '欧阳', '司马',
];
export const GIVEN_NAME_CHARS = [
  '伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚',
  '桂', '英', '华', '建', '国', '文', '丽', '红', '海', '鹏', '志', '宇', '晨', '欣', '婷', '俊', '峰', '浩', '琳', '雪',
];
export const ENGLISH_FIRST_NAMES = ['Michael', 'Anna', 'Thomas', 'Sarah', 'David', 'Julia', 'Peter', 'Laura', 'Daniel', 'Emma'];
export const ENGLISH_LAST_NAMES = ['Müller', 'Schmidt', 'Smith', 'Johnson', 'Brown', 'Weber', 'Martin', 'Taylor', 'Fischer', 'Wilson'];

/** Titles with the role a person in that job usually plays in a purchase. */
export const TITLES = [
  { title: '总经理', role: 'decision_maker' },
  { title: '副总经理', role: 'decision_maker' },
  { title: '董事长', role: 'decision_maker' },
  { title: '采购经理', role: 'influencer' },
  { title: '采购总监', role: 'decision_maker' },
  { title: '技术总监', role: 'influencer' },
  { title: '生产经理', role: 'user' },
  { title: '设备工程师', role: 'user' },
  { title: '财务经理', role: 'influencer' },
  { title: '总经理助理', role: 'gatekeeper' },
  { title: '前台', role: 'gatekeeper' },
  { title: 'IT Director', role: 'influencer' },
  { title: 'Plant Manager', role: 'decision_maker' },
  { title: 'Purchasing Manager', role: 'influencer' },
] as const;

export const INTERESTS = [
  '钓鱼', '高尔夫', '茶', '书法', '围棋', '摄影', '登山', '红酒', '羽毛球', '乒乓球', '京剧', '古玩', '足球', '跑步',
  '旅游', '太极', '收藏邮票', 'golf', 'hiking', 'jazz',
];

export const MOBILE_PREFIXES = ['135', '136', '138', '139', '150', '151', '158', '159', '186', '187', '188', '189', '177', '199'];

/**
 * What a rep writes, in the language the rep and the client speak: Chinese by default, English with an
 * English-speaking contact (at a foreign company, mostly). Never the two mixed in one account's story.
 */
export type NoteLanguage = 'zh' | 'en';

export const PURPOSES: Record<NoteLanguage, Record<string, string[]>> = {
  zh: {
    routine: ['例行拜访，了解近期需求', '季度回访', '了解新项目进展'],
    complaint_follow_up: ['跟进交货延迟投诉', '处理质量问题反馈', '回访发票问题处理情况'],
    executive: ['陪同公司领导拜访', '高层年度走访', '陪同销售副总拜访'],
    delivery: ['现场交货与验收', '设备到货安装', '送货并签收'],
    training: ['产品使用培训', '新功能培训', '操作人员培训'],
    survey: ['年度满意度调查', '客户满意度回访', '收集使用意见'],
    phone_call: ['电话沟通报价', '电话确认订单', '电话沟通续约'],
    meeting: ['线上会议讨论方案', '技术交流会', '视频会议沟通明年计划'],
  },
  en: {
    routine: ['Routine check-in', 'Quarterly review', 'Catch up on the new project'],
    complaint_follow_up: ['Follow up on the late delivery', 'Follow up on the invoice complaint', 'Check the quality issue is fixed'],
    executive: ['Executive visit with our VP', 'Annual management visit', 'Visit with our sales director'],
    delivery: ['Delivery and sign-off', 'Equipment delivery and installation', 'On-site acceptance'],
    training: ['Operator training', 'Training on the new features', 'Maintenance training'],
    survey: ['Satisfaction survey', 'Annual customer survey', 'Collect feedback on the service'],
    phone_call: ['Call about renewal', 'Call to confirm the order', 'Call about the quote'],
    meeting: ['Video meeting on the roadmap', 'Technical workshop', 'Planning meeting for next year'],
  },
};

export const OUTCOMES: Record<NoteLanguage, string[]> = {
  zh: [
    '客户对交期满意，计划下季度追加订单。',
    '对方采购提出降价要求，需内部评估。',
    '技术部认可方案，等待总经理审批。',
    '现场设备运行正常，客户反馈良好。',
    '竞争对手近期接触过客户，需加强跟进。',
    '客户询问备件报价，回去整理后发过去。',
    '客户预算要到下季度才批，先保持联系。',
    '客户计划扩建产线，可能有新需求。',
  ],
  en: [
    'Happy with delivery times; plans a top-up order next quarter.',
    'Purchasing asked for a lower price; to be reviewed internally.',
    'Engineering approved the proposal; waiting for the MD to sign off.',
    'Equipment running well on site; good feedback.',
    'A competitor has been in touch with them recently; keep close.',
    'Happy with the service; asked for a quote on spare parts.',
    'Budget frozen until next quarter.',
    'Planning a new production line; likely new demand.',
  ],
};

export const NEXT_STEPS: Record<NoteLanguage, string[]> = {
  zh: ['下周发送正式报价', '安排技术人员上门调试', '邀请参观工厂', '准备续约合同', '修改方案后再发给客户', '整理会议纪要发给客户'],
  en: ['Send the formal quote next week', 'Send an engineer to commission the unit', 'Invite them to visit our plant', 'Prepare the renewal contract', 'Send the revised proposal', 'Send the meeting minutes'],
};

/** Notes about a person, `{name}` being that contact's name. */
export const PERSON_NOTES: Record<NoteLanguage, string[]> = {
  zh: [
    '{name}提到明年预算会增加约10%，重点在自动化改造。',
    '{name}喜欢喝普洱茶，下次拜访可以带一点。',
    '{name}的孩子今年高考，六月上旬尽量别打扰。',
    '{name}下个月去德国出差，回来后再约时间。',
    '{name}对我们的新产品很感兴趣，要了样品。',
    '{name}习惯用微信沟通，邮件经常来不及看。',
  ],
  en: [
    '{name} prefers WeChat over email for quick questions.',
    'Competitor offered a 5% discount; {name} is evaluating.',
    'Annual contract renewal due in Q3; {name} wants a multi-year option.',
    '{name} is on leave for two weeks from the 10th; their deputy handles orders.',
    '{name} asked for samples of the new product line.',
    '{name} mentioned next year’s budget goes up about 10%, mostly for automation.',
  ],
};

/** Notes about the account as a whole. */
export const ACCOUNT_NOTES: Record<NoteLanguage, string[]> = {
  zh: [
    '客户对上次的售后响应速度不满意，已向服务部反馈。',
    '客户希望账期从60天延长到90天，需要财务确认。',
    '新厂区预计年底投产，届时会有设备采购需求。',
    '客户仓库搬迁，收货地址有变化，已更新。',
    '客户年底前要完成供应商审核，需准备资质文件。',
    '采购部换了负责人，需要重新建立联系。',
  ],
  en: [
    'Not happy with how fast service answered last time; passed on to the service team.',
    'Asking to move payment terms from 60 to 90 days; needs finance to agree.',
    'New plant due to open at year end; equipment purchases to follow.',
    'Warehouse has moved; delivery address updated.',
    'Supplier audit before year end; prepare our certificates.',
    'New head of purchasing; need to build the relationship again.',
  ],
};

export const FAMILY_GIVEN_NAMES = ['小雨', '子涵', '浩然', '欣怡', '梓轩', '雨桐', '一诺', '思远'];
