import type { FieldChange } from '@jixiao/core';

export type { FieldChange } from '@jixiao/core';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every leaf that differs between two JSON values; added and removed rows appear with undefined on one side. */
export const diffValues = (before: unknown, after: unknown, path = ''): FieldChange[] => {
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffValues(before[index], after[index], `${path}[${index}]`)).flat();
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValues(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (isRecord(before) || isRecord(after) || Array.isArray(before) || Array.isArray(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
  }
  return Object.is(before, after) ? [] : [{ path, before, after }];
};
