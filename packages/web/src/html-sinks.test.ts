import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The web app shows text people typed elsewhere — project, unit and indicator names, narratives, reasons, file
 * names. React escapes it; the places that take markup do not. These checks read the app's source, so that a
 * new way for text to become HTML fails here before it reaches a reviewer's browser.
 */

const ROOT = fileURLToPath(new URL('.', import.meta.url));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/u.test(entry.name) && !/\.test\.tsx?$/u.test(entry.name) ? [path] : [];
  });

const SOURCES = sourceFiles(ROOT).map((path) => ({
  name: relative(ROOT, path),
  file: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}));

const walk = (node: ts.Node, visit: (node: ts.Node) => void): void => {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
};

const propertyName = (node: ts.Node): string | undefined =>
  (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isShorthandPropertyAssignment(node)) &&
  (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))
    ? node.name.text
    : undefined;

const insideTooltip = (node: ts.Node): boolean => {
  for (let parent = node.parent; parent; parent = parent.parent) if (propertyName(parent) === 'tooltip') return true;
  return false;
};

const isHtmlTemplate = (node: ts.Expression): boolean => {
  const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
  return ts.isTaggedTemplateExpression(inner) && ts.isIdentifier(inner.tag) && inner.tag.text === 'html';
};

/** Why a tooltip formatter is unsafe, or null: every answer it gives must be an `html` template. */
const unsafeFormatter = (value: ts.Node): string | null => {
  if (ts.isTemplateExpression(value) || ts.isBinaryExpression(value)) return 'a string built from values';
  if (!(ts.isArrowFunction(value) || ts.isFunctionExpression(value) || ts.isMethodDeclaration(value))) return null;
  const body = value.body;
  if (!body) return null;
  if (!ts.isBlock(body)) return isHtmlTemplate(body) ? null : 'answers something other than html`…`';
  let unsafe: string | null = null;
  walk(body, (node) => {
    if (ts.isReturnStatement(node) && !(node.expression && isHtmlTemplate(node.expression)))
      unsafe = 'returns something other than html`…`';
  });
  return unsafe;
};

const location = (name: string, file: ts.SourceFile, node: ts.Node): string =>
  `${name}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

describe('the web app hands no text to a library as HTML', () => {
  it('builds every chart tooltip formatter’s answer with html`…`', () => {
    const found: string[] = [];
    const unsafe: string[] = [];
    for (const { name, file } of SOURCES) {
      walk(file, (node) => {
        if (propertyName(node) !== 'formatter' || !insideTooltip(node)) return;
        const value = ts.isPropertyAssignment(node) ? node.initializer : node;
        found.push(location(name, file, node));
        const reason = unsafeFormatter(value);
        if (reason) unsafe.push(`${location(name, file, node)}: ${reason}`);
      });
    }
    expect(unsafe).toEqual([]);
    // The dashboard's scatter tooltip is one: the check sees the code it is meant to hold.
    expect(found.some((at) => at.startsWith(join('dashboard', 'DashboardPage.tsx')))).toBe(true);
  });

  it('draws every chart through EChart, which guards the tooltips of any option it is given', () => {
    const importers = SOURCES.filter(({ file }) =>
      file.statements.some(
        (statement) =>
          ts.isImportDeclaration(statement) &&
          ts.isStringLiteral(statement.moduleSpecifier) &&
          /^echarts(\/|$)/u.test(statement.moduleSpecifier.text),
      ),
    ).map(({ name }) => name);
    expect(importers).toEqual([join('dashboard', 'EChart.tsx')]);
    const chart = SOURCES.find(({ name }) => name === join('dashboard', 'EChart.tsx'));
    expect(chart?.file.text).toContain('setOption(guardChartOption(option)');
  });

  it('sets no markup directly: no dangerouslySetInnerHTML, innerHTML, srcDoc, document.write or HTML parsing', () => {
    const SINKS = new Set([
      'dangerouslySetInnerHTML',
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'srcdoc',
      'srcDoc',
      'document.write',
      'document.writeln',
      'createContextualFragment',
      'parseFromString',
      'setHTMLUnsafe',
    ]);
    const used: string[] = [];
    for (const { name, file } of SOURCES) {
      walk(file, (node) => {
        const text = ts.isIdentifier(node)
          ? node.text
          : ts.isPropertyAccessExpression(node) && /^document\.write(ln)?$/u.test(node.getText())
            ? node.getText()
            : '';
        if (SINKS.has(text)) used.push(`${location(name, file, node)}: ${text}`);
      });
    }
    expect(used).toEqual([]);
  });
});
