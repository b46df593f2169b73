import { Tag } from 'antd';

const GRADE_COLORS: Record<string, string> = {
  优: 'green',
  excellent: 'green',
  良: 'blue',
  good: 'blue',
  中: 'orange',
  fair: 'orange',
  差: 'red',
  poor: 'red',
};

const GRADE_WORDS: Record<string, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** A grade as 优/良/中/差, whether the server sent the key or the word. */
export const gradeWord = (grade: string | null | undefined): string => (grade ? (GRADE_WORDS[grade] ?? grade) : '—');

export const GradeTag = ({ grade }: { grade: string | null | undefined }) =>
  grade ? <Tag color={GRADE_COLORS[grade] ?? 'default'}>{gradeWord(grade)}</Tag> : <span>—</span>;
