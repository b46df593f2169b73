import { type Decimal, dec } from '../util/decimal.ts';
import { toSimplified } from './normalize.ts';

/**
 * Units seen after numbers in published 自评表, longest first so a prefix match takes "人次" before "人".
 * Any other short word after a number is still accepted as a unit; this list is what lets the parser find a
 * unit inside a sentence ("完成1434户调查") and recognise a Chinese numeral with its measure word ("三个").
 */
export const KNOWN_UNITS: readonly string[] = [
  '平方公里',
  '平方米',
  '立方米',
  '个百分点',
  '百分比',
  '百分点',
  '人次',
  '场次',
  '户次',
  '车次',
  '批次',
  '万人次',
  '万元',
  '亿元',
  '千元',
  '公里',
  '千米',
  '公顷',
  '公斤',
  '千克',
  '小时',
  '分钟',
  '工作日',
  '个月',
  '人数',
  '户数',
  '次数',
  '个数',
  '万人',
  '万户',
  '平米',
  '元',
  '户',
  '个',
  '次',
  '场',
  '件',
  '种',
  '天',
  '日',
  '周',
  '月',
  '年',
  '米',
  '吨',
  '人',
  '家',
  '项',
  '篇',
  '套',
  '台',
  '辆',
  '名',
  '位',
  '期',
  '批',
  '份',
  '条',
  '处',
  '座',
  '栋',
  '亩',
  '起',
  '例',
  '册',
  '本',
  '张',
  '部',
  '间',
  '床',
  '株',
  '棵',
  '头',
  '只',
  '层',
  '组',
  '队',
  '班',
  '所',
  '村',
  '%',
  '‰',
  '㎡',
  'km',
  'm',
].sort((a, b) => b.length - a.length);

/** Units are normalised once: "百分比", "百分点" and "％" mean %, "㎡" and "平米" mean 平方米, 萬元 means 万元. */
export const normalizeUnit = (unit: string | null | undefined): string | null => {
  if (unit === null || unit === undefined) return null;
  const text = toSimplified(unit.normalize('NFKC')).replace(/\s/g, '');
  if (text === '') return null;
  if (text === '百分比' || text === '百分点' || text === '个百分点' || text === '%') return '%';
  if (text === '㎡' || text === 'm²' || text === 'm2' || text === '平米') return '平方米';
  return text;
};

type Family = { name: string; factors: Record<string, string> };

/**
 * Units convert only within their family (PARSE-4). Factors are exact decimals relative to the base unit; units
 * with the same factor are synonyms as clerks write them (场 and 场次, 人 and 人数).
 */
const FAMILIES: readonly Family[] = [
  { name: 'money', factors: { 元: '1', 千元: '1000', 万元: '10000', 亿元: '100000000' } },
  { name: 'ratio', factors: { '‰': '1', '%': '10' } },
  { name: 'days', factors: { 日: '1', 天: '1', 周: '7' } },
  { name: 'duration', factors: { 分钟: '1', 小时: '60' } },
  { name: 'months', factors: { 月: '1', 个月: '1' } },
  { name: 'length', factors: { 米: '1', m: '1', 公里: '1000', 千米: '1000', km: '1000' } },
  { name: 'mass', factors: { 千克: '1', 公斤: '1', 吨: '1000' } },
  { name: 'persons', factors: { 人: '1', 人数: '1', 名: '1', 位: '1', 万人: '10000' } },
  { name: 'visits', factors: { 人次: '1', 万人次: '10000' } },
  { name: 'households', factors: { 户: '1', 户数: '1', 万户: '10000' } },
  { name: 'sessions', factors: { 场: '1', 场次: '1' } },
  { name: 'times', factors: { 次: '1', 次数: '1' } },
  { name: 'items', factors: { 个: '1', 个数: '1' } },
  { name: 'batches', factors: { 批: '1', 批次: '1' } },
];

const familyOf = (unit: string): Family | undefined => FAMILIES.find((family) => unit in family.factors);

/** Converts a value from one unit to another of the same family; null when they are not convertible. */
export const convertUnit = (value: Decimal, from: string, to: string): Decimal | null => {
  if (from === to) return value;
  const family = familyOf(from);
  if (!family || family !== familyOf(to)) return null;
  const fromFactor = family.factors[from];
  const toFactor = family.factors[to];
  if (fromFactor === undefined || toFactor === undefined) return null;
  return value.times(dec(fromFactor)).div(dec(toFactor));
};

/** The known unit that opens `text` ("户调查摸底" → "户"), or null. */
export const leadingKnownUnit = (text: string): string | null =>
  KNOWN_UNITS.find((unit) => text.startsWith(unit)) ?? null;

/** Known, a single character, or a short word built on a known unit ("万平方米", "万人次"). */
const looksLikeUnit = (part: string): boolean =>
  KNOWN_UNITS.includes(part) ||
  /^[\p{Script=Han}a-zA-Z]$/u.test(part) ||
  (part.length <= 5 && KNOWN_UNITS.some((unit) => unit.length > 1 && (part.endsWith(unit) || part.startsWith(unit))));

/**
 * The unit in an indicator name's trailing bracket: "征收工作经费（万元）" → "万元",
 * "组织征收工作人员业务培训（场次/人数）" → "场次/人数" (a compound's units, split by parseValue).
 * Brackets that hold words rather than units ("（含前期调查摸底工作）") are ignored.
 */
export const unitFromName = (name: string): string | null => {
  const match = toSimplified(name.normalize('NFKC'))
    .trim()
    .replace(/[。.;；:：]+$/u, '')
    .match(/[([【]([^()[\]【】]{1,16})[)\]】]$/u);
  const content = match?.[1]?.trim().replace(/^单位[:：]?/u, '');
  if (!content) return null;
  const parts = content.split(/[/、]/u).map((part) => part.trim());
  if (!parts.every(looksLikeUnit)) return null;
  return parts.map((part) => normalizeUnit(part) ?? part).join('/');
};
