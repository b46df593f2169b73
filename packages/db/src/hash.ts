import { createHash } from 'node:crypto';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** JSON with object keys sorted at every level, so equal values always hash the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
};

/**
 * The canonical JSON of `value` with `key` added, split around that key's value: for every JSON value `v`,
 * `before + canonicalJson(v) + after === canonicalJson({ ...value, [key]: v })`. The audit log's database
 * statement assigns `seq` itself and hashes the text around it.
 */
export const canonicalJsonAround = (value: Record<string, unknown>, key: string): { before: string; after: string } => {
  const { [key]: _replaced, ...rest } = value;
  const entries = Object.entries(rest)
    .filter(([, item]) => item !== undefined)
    .map(([name, item]) => ({ name, text: `${JSON.stringify(name)}:${canonicalJson(item)}` }));
  const lower = entries.filter(({ name }) => name < key).sort((a, b) => (a.name < b.name ? -1 : 1));
  const upper = entries.filter(({ name }) => name > key).sort((a, b) => (a.name < b.name ? -1 : 1));
  const join = (part: { text: string }[]): string => part.map(({ text }) => text).join(',');
  return {
    before: `{${lower.length > 0 ? `${join(lower)},` : ''}${JSON.stringify(key)}:`,
    after: `${upper.length > 0 ? `,${join(upper)}` : ''}}`,
  };
};
