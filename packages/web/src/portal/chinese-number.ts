const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 10 → 十, 11 → 十一 (report sections never pass twenty). */
export const toChineseNumber = (value: number): string => {
  if (value >= 0 && value <= 10) return DIGITS[value] ?? String(value);
  if (value > 10 && value < 20) return `十${DIGITS[value - 10] ?? ''}`;
  return String(value);
};
