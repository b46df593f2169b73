import { AppError } from '@jixiao/core';
import { XMLParser } from 'fast-xml-parser';

/** An ordered XML node as fast-xml-parser's preserveOrder mode gives it. */
export type XmlNode = {
  [tag: string]: XmlNode[] | string | Record<string, string> | undefined;
  ':@'?: Record<string, string>;
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseTagValue: false,
  trimValues: false,
  // No callback reads the path: left on, the parser joins every tag's path into a string, a third of its time.
  jPath: false,
});

/**
 * Parses OOXML parts. Office never writes a DTD, so any <!DOCTYPE or <!ENTITY is refused outright: no external
 * entities (XXE) and no entity expansion (billion laughs) can reach the parser.
 */
export const parseOfficeXml = (bytes: Uint8Array, part: string, fileName: string): XmlNode[] => {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/iu.test(text)) {
    throw new AppError('HOSTILE_FILE', `${fileName}：${part} 含有 DTD 或实体声明（Office 文档不会包含），已拒绝处理`);
  }
  try {
    return parser.parse(text) as XmlNode[];
  } catch {
    throw new AppError('HOSTILE_FILE', `${fileName}：${part} 不是有效的 XML`);
  }
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and numeric character references; nothing else exists without a DTD. */
export const decodeXmlText = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_match, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? '';
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });

export const tagOf = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';

export const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? value : [];
};

export const attributeOf = (node: XmlNode, name: string): string | undefined => node[':@']?.[name];

export const findChild = (node: XmlNode, tag: string): XmlNode | undefined =>
  childrenOf(node).find((child) => tagOf(child) === tag);
