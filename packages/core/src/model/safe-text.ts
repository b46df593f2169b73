import { z } from 'zod';

/**
 * NUL (PostgreSQL cannot store it in text: the API answered 500) and a lone UTF-16 surrogate (not a character
 * in any encoding: it cannot be written as UTF-8). In `u` mode `\p{Cs}` matches only unpaired surrogates.
 */
const UNSAFE_CHARACTER = /[\0\p{Cs}]/u;

export const UNSAFE_TEXT_MESSAGE = '含有不允许的字符（空字符 U+0000 或不成对的代理项 U+D800–U+DFFF）';

export const isSafeText = (text: string): boolean => !UNSAFE_CHARACTER.test(text);

/** One check instance, shared by every schema built below, so a schema can be asked whether it carries it. */
const SAFE_TEXT = z.refine<string>(isSafeText, { message: UNSAFE_TEXT_MESSAGE });

/**
 * The string schema for every text that comes in (API bodies, query strings, parameters, JSON files): refuses
 * NUL and lone surrogates with a message naming the field, before any of it reaches the database.
 */
export const safeText = () => z.string().check(SAFE_TEXT);

/** Whether a string schema was built by safeText (its check survives `.min()`, `.max()` and the like). */
export const hasSafeTextCheck = (schema: z.ZodString): boolean => (schema._zod.def.checks ?? []).includes(SAFE_TEXT);

type Node = { _zod: { def: Record<string, unknown> & { type: string } } };

const childrenOf = (node: Node): [string, Node][] => {
  const def = node._zod.def;
  const child = (key: string): [string, Node][] => (def[key] ? [['', def[key] as Node]] : []);
  switch (def.type) {
    case 'object':
      return Object.entries(def['shape'] as Record<string, Node>).map(([key, value]) => [`.${key}`, value]);
    case 'array':
      return [['[]', def['element'] as Node]];
    case 'union':
      return (def['options'] as Node[]).map((option) => ['', option]);
    case 'record':
      return [...child('keyType').map(([, key]): [string, Node] => ['{key}', key]), ['{}', def['valueType'] as Node]];
    case 'pipe':
      return [...child('in'), ...child('out')];
    case 'intersection':
      return [...child('left'), ...child('right')];
    case 'lazy':
      return [['', (def['getter'] as () => Node)()]];
    default:
      return child('innerType');
  }
};

/**
 * The paths of the string schemas inside `schema` that do not refuse unsafe text: neither built by safeText
 * nor of a fixed format (uuid, email…). Tests hold every input schema of the API to an empty list.
 */
export const stringsWithoutSafeText = (schema: z.ZodType, path = ''): string[] => {
  const node = schema as unknown as Node;
  if (node._zod.def.type === 'string') {
    const string = schema as z.ZodString;
    return hasSafeTextCheck(string) || string.format !== null ? [] : [path || '(root)'];
  }
  return childrenOf(node).flatMap(([step, child]) =>
    stringsWithoutSafeText(child as unknown as z.ZodType, path + step),
  );
};
