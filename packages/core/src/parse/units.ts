import { type Decimal, dec } from '../util/decimal.ts';

/** Units are normalised once: "百分比" and "％" mean %, "日" and "天" are one family. */
export const normalizeUnit = (unit: string | null | undefined): string | null => {
  if (unit === null || unit === undefined) return null;
  const text = unit.trim();
  if (text === '') return null;
  if (text === '百分比' || text === '百分点' || text === '％') return '%';
  return text;
};

type Family = { name: string; factors: Record<string, string> };

/** Units convert only within their family (PARSE-4). Factors are exact decimals relative to the base unit. */
const FAMILIES: readonly Family[] = [
  { name: 'money', factors: { 元: '1', 万元: '10000', 亿元: '100000000' } },
  { name: 'days', factors: { 日: '1', 天: '1' } },
  { name: 'length', factors: { 米: '1', 公里: '1000', 千米: '1000' } },
  { name: 'mass', factors: { 千克: '1', 公斤: '1', 吨: '1000' } },
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

/**
 * The unit in an indicator name's trailing bracket: "征收工作经费（万元）" → "万元",
 * "组织征收工作人员业务培训（场次/人数）" → "场次/人数". Brackets that hold words rather than units are ignored.
 */
export const unitFromName = (name: string): string | null => {
  const match = name
    .normalize('NFKC')
    .trim()
    .match(/\(([^()]{1,16})\)$/u);
  const content = match?.[1]?.trim();
  if (!content) return null;
  const parts = content.split('/').map((part) => part.trim());
  const looksLikeUnit = (part: string): boolean => part === '%' || /^[\p{Script=Han}a-zA-Z²³·]{1,4}$/u.test(part);
  return parts.every(looksLikeUnit) ? parts.map((part) => normalizeUnit(part) ?? part).join('/') : null;
};
