/**
 * The words QUAL-2 step 0 reads by (parse/negation.ts): negators, words that only look like negation,
 * adverse events whose absence is the aim, and the predicates officials negate. Language, not policy: the
 * tiers stay in the rule set's vocabulary.
 */

const words = (list: string): string[] => list.split(/\s+/u).filter((word) => word.length > 0);

/** Alternation of words, longest first, so a regex takes "安全事故" before "事故". */
export const alternation = (list: readonly string[]): string => [...list].sort((a, b) => b.length - a.length).join('|');

export type Negator = { word: string; reach: number; optional?: true };

/** Negators, longest first; `reach` is how far after the negator its predicate may start. */
export const NEGATORS: readonly Negator[] = [
  ...words('不是很 不十分 还没有 仍没有 也没有 都没有 均没有 尚没有').map((word) => ({ word, reach: 8 })),
  ...words(`
    未能 尚未 仍未 还未 暂未 并未 从未 均未 都未 也未 未曾 没能 没有 还没 并没
    不能 不够 不太 不甚 不很 不再 无法 难以 并非 缺乏 缺少 欠缺
  `).map((word) => ({ word, reach: 8 })),
  { word: '未', reach: 8 },
  { word: '没', reach: 4 },
  { word: '不', reach: 4 },
  { word: '无', reach: 4 },
  // 非 and 欠 open many nouns (非税, 非遗, 欠款); they negate only the word right after them (非有效, 欠佳).
  { word: '非', reach: 0, optional: true },
  { word: '欠', reach: 0, optional: true },
];

/** "有待提高", "仍需加强": the predicate is not reached yet, which reads as partial. */
export const PENDING = words('仍有待 尚有待 还有待 有待 仍需 尚需 还需 亟待 亟需 尚待 仍待');

/** A negator's character inside words that negate nothing: comparators (PARSE-3), intensifiers, nouns, conjunctions. */
export const NOT_NEGATIONS = new RegExp(
  [
    // Comparators belong to PARSE; "不超过预算" is left to the adverse reading.
    ...words('不低于 不少于 不小于 不劣于 不亚于 不逊于 不高于 不大于 不多于 不超过(?!预算) 不超出(?!预算)'),
    ...words('非常 不断 不停 不懈 毫不 不仅 不但 不只 不止 不单 无论 不论 不管 不少 不同 不一定 不过(?!关)'),
    ...words('不定期 不间断 无间断 无差别 不可或缺 不得 无需 不需要 未来 未成年 不动产 无人机 无障碍'),
    ...words('无害化 无纸化 无公害 无偿 无线 无息 无缝 无一例外 非税 非遗 非物质 非公 非营利 非经营性'),
    ...words('不需 刻不容缓 不容忽视 必不可少'),
  ].join('|'),
  'uy',
);

/** Praise written with a negator. */
export const IDIOMS = new RegExp(
  alternation(
    words(
      `不错 不俗 不凡 非凡 不负众望 不辱使命 不折不扣 不遗余力 毫不松懈 不打折扣 不走样 无缝衔接 准确无误 万无一失 无误
      不留死角 无死角 一丝不苟 不辞辛劳 不厌其烦 义不容辞 无微不至 无可挑剔 无懈可击 无后顾之忧`,
    ),
  ),
  'uy',
);

/** "仍有不足", "存在一定差距": 不足 here is a noun, a caveat rather than a negation. */
export const SHORTFALL = /(?:仍|还|尚|也)?(?:有|存在)(?:一定|一些|少许|些许|部分)?的?(不足|差距|短板|欠缺|薄弱环节)/uy;

/** "不涉及", "不适用": the indicator does not apply. */
export const NOT_APPLICABLE = /不涉及|未涉及|暂不涉及|不适用|无此项|未统计|无数据|暂无数据/uy;

/**
 * Events and faults whose absence is the aim (DIR-1 names the same kind: 投诉, 事故, 差错, 违规 …).
 * "没有不合格" negates a fault, so it reads as achieved.
 */
export const ADVERSE = words(`
  安全生产责任事故 安全责任事故 安全生产事故 生产安全事故 群体性事件 安全事故 责任事故 生产事故 质量事故 交通事故
  重大事故 安全事件 安全隐患 质量问题 有效投诉 通报批评 不良反应 不良影响 负面影响 不良 负面 不妥 超过预算 超出预算 超预算 不合格 不达标 不规范
  事故 事件 隐患 投诉 举报 信访 上访 纠纷 舆情 差错 失误 错误 违规 违纪 违法 违约 违章 不当 问题 漏洞 风险
  损失 损坏 浪费 挪用 截留 挤占 套取 虚报 冒领 超支 超标 超期 逾期 延误 拖欠 积压 遗漏 返工 返贫 伤亡 死亡
  污染 扣分 处罚 处分 问责 追责 索赔 故障 中断 间断 停工 流失 延期 推迟 延迟 滞后 拖延 遗留 漏报 错报 瞒报 落下 掉队 漏
`);

/** Faults that may be written as occurring without being a failure ("出现问题及时整改"): not read as presence. */
const NOT_EVENTS = new Set(words('问题 风险 不当 不规范 漏洞'));
const ADVERSE_SOURCE = alternation(ADVERSE);
const EVENT_SOURCE = alternation(ADVERSE.filter((word) => !NOT_EVENTS.has(word)));

/** "零投诉", "杜绝安全事故", "避免浪费": absence markers that are no negators otherwise. */
export const ABSENCE_MARKER = new RegExp(
  `(零|杜绝|避免|防止)了?(?:发生|出现)?(?:任何|重大|一切)?(${ADVERSE_SOURCE})`,
  'uy',
);

/** "投诉为零", "安全事故发生率为0", "事故零发生", "安全事故1起": an adverse event with its count. */
export const ADVERSE_COUNT = new RegExp(
  `(${ADVERSE_SOURCE})(?:发生)?(?:率|数|次数|起数|件数|数量)?(?:为|是|均为|保持)?(零|\\d+(?:\\.\\d+)?)(?:起|次|件|例|宗|个|人次|%)?(?:发生)?`,
  'uy',
);

/** "发生1起安全事故", "出现投诉", "有2件投诉". */
export const PRESENCE = new RegExp(
  `(发生|出现|造成|引发|引起|导致|产生|有(?=\\d))(?:了|过)?(\\d+(?:起|次|件|例|宗|个|人次|人))?.{0,6}?(${EVENT_SOURCE})`,
  'uy',
);

/** "未全部完成", "不完全到位", "未足额拨付": the negator denies the whole, so part was done. */
export const WHOLE = /^(?:能|够|是)?(全部|完全|全面|足额|全)/u;

/** 部分未完成 → partial (QUAL-2 step 0); 大部分未完成 is mostly undone, so no limit. */
export const PART = /(大部分|绝大部分|大多数|绝大多数|多数|大多|大部)|(部分|基本|个别|少数|少量|局部|一些|有些|有的)/gu;

/**
 * Predicates a negator can govern beyond the vocabulary's own words: the verbs and adjectives officials
 * negate ("未落实", "不到位", "无法按期", "欠佳"). One character only right after the negator (不高, 欠佳).
 */
export const NEGATABLE_PREDICATES: readonly string[] = words(`
  完成 达成 达到 达预期 实现 落实 到位 保障 开展 实施 启动 开工 动工 推进 执行 按时 按期 如期 及时 按计划 按要求 按规定
  有效 明显 显著 理想 充分 满意 合格 合规 规范 完善 健全 全面 提升 提高 改善 改进 加强 增强 增加 增长 见效 成效
  效果 效益 作用 取得 覆盖 满足 符合 相符 一致 拨付 支付 发放 兑现 到账 到岗 验收 竣工 完工 交付 建成 投入使用
  投用 落地 上线 解决 整改 处理 处置 消除 化解 排除 纠正 减少 降低 遏制 控制 防范 避免 杜绝 办结 通过 过关 批复
  发挥 达标 准确 精准 稳定 顺利 顺畅 畅通 衔接 重视 突出 高效 严格 扎实 深入 合理 均衡 协调 正常
  佳 好 高 强 大 够 足 力 畅 快 全 实 严 细 效 优 良 善 达
`);
