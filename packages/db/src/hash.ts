import { createHash } from 'node:crypto';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** An object's defined members as `"name":value` texts of canonical JSON, in name order. */
const canonicalMembers = (value: Record<string, unknown>): { name: string; text: string }[] =>
  Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, item]) => ({ name, text: `${JSON.stringify(name)}:${canonicalJson(item)}` }));

/** JSON with object keys sorted at every level, so equal values always hash the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  return `{${canonicalMembers(value as Record<string, unknown>)
    .map(({ text }) => text)
    .join(',')}}`;
};

/**
 * The canonical JSON of `value` with `key` added, split around that key's value: for every JSON value `v`,
 * `before + canonicalJson(v) + after === canonicalJson({ ...value, [key]: v })`. The audit log's database
 * statement assigns `seq` itself and hashes the text around it.
 */
export const canonicalJsonAround = (value: Record<string, unknown>, key: string): { before: string; after: string } => {
  const { [key]: _replaced, ...rest } = value;
  const members = canonicalMembers(rest);
  const lower = members.filter(({ name }) => name < key).map(({ text }) => text);
  const upper = members.filter(({ name }) => name > key).map(({ text }) => text);
  return { before: `{${[...lower, `${JSON.stringify(key)}:`].join(',')}`, after: `${['', ...upper].join(',')}}` };
};
