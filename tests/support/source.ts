/**
 * Reading the product's own source for the architecture tests (tests/unit/architecture.test.ts): the files, their
 * code without comments, and the findings of each rule as `file:line  text`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The product's source: what is built into the extension (tests and scripts are not). */
export const SOURCE_DIRS = ['utils', 'components', 'entrypoints'];

/** Every .ts/.tsx file under `dirs`, as a path from the repository root with '/' separators. */
export function sourceFiles(dirs: string[] = SOURCE_DIRS): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  dirs.forEach(walk);
  return files.sort();
}

export const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/**
 * The code without its comments (replaced by spaces, newlines kept, so line numbers stay right). Strings and
 * template literals are kept as they are: a kind's name in a comparison is a string.
 */
export function codeOnly(src: string): string {
  let out = '';
  let i = 0;
  const templates: number[] = []; // brace depth at each `${` still open inside a template literal
  let depth = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end === -1 ? src.length : end;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? src.length : end + 2;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (c === '`' || (c === '}' && templates.at(-1) === depth)) {
      if (c === '}') templates.pop();
      let j = i + 1;
      while (j < src.length && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
      if (src[j] === '$') {
        templates.push(depth);
        out += src.slice(i, j + 2);
        i = j + 2;
      } else {
        out += src.slice(i, j + 1);
        i = j + 1;
      }
    } else {
      if (c === '{') depth++;
      if (c === '}') depth--;
      out += c;
      i++;
    }
  }
  return out;
}

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Every match of `pattern` (global) in the file's code, with its line. */
export function findIn(file: string, code: string, pattern: RegExp): Finding[] {
  const found: Finding[] = [];
  for (const m of code.matchAll(pattern)) {
    const line = code.slice(0, m.index).split('\n').length;
    found.push({ file, line, text: m[0].trim() });
  }
  return found;
}

export const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}  ${f.text}`);

/** Where an import specifier of `file` points: a repository path for '@/' and relative ones, else the package. */
export function importTarget(file: string, specifier: string): string {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(file), specifier));
  return specifier;
}

/** The module specifiers a file imports or re-exports from, static or dynamic. */
export function importsOf(code: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g, /\bimport\s*(['"])([^'"]+)\1/g, /\bimport\s*\(\s*(['"])([^'"]+)\1/g];
  for (const p of patterns) for (const m of code.matchAll(p)) specifiers.push(m[2]!);
  return specifiers;
}

export const fromRoot = (path: string) => relative(ROOT, path).split('\\').join('/');
