import { GRADE_LABELS, type Grade } from '../model/result.ts';
import type { RuleSet } from '../rules/schema.ts';

/** GRADE-1: the first band whose minimum the total reaches (bands are checked highest first). */
export const gradeOf = (total: number, bands: RuleSet['gradeBands']): Grade => {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((band) => total >= band.min)?.grade ?? 'poor';
};

const WORD_TO_GRADE: Record<string, Grade> = {
  优: 'excellent',
  优秀: 'excellent',
  良: 'good',
  良好: 'good',
  中: 'fair',
  中等: 'fair',
  合格: 'fair',
  差: 'poor',
  较差: 'poor',
  不合格: 'poor',
};

/** Reads a stated grade cell ("优", "优秀", "良好"); null when blank or not a grade word. */
export const readStatedGrade = (text: string): Grade | null => WORD_TO_GRADE[text.replace(/\s|等级|级/gu, '')] ?? null;

export const gradeLabel = (grade: Grade): string => GRADE_LABELS[grade];
