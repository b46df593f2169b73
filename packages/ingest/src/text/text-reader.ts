import { textDocumentReader } from '../form/document-reader.ts';
import { blocksFromFlattenedText } from './tokenize.ts';

export const textReader = textDocumentReader('text', /\.(txt|text)$/iu, 20 * 1024 * 1024, blocksFromFlattenedText);
