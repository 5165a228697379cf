import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The regex firestore.rules checks each sent commitment with, in JavaScript's syntax (code points, as RE2). */
export const RULES_COMMITMENT = (() => {
  const rules = readFileSync(path.resolve(import.meta.dirname, '../../firestore.rules'), 'utf8');
  const source = /function validCommitment\(s\) \{\s*return s\.matches\('([^']+)'\)/.exec(rules)![1]!;
  return new RegExp(`^(?:${source.replace(/\(\?s:\.\{(\d+),(\d+)\}\)/g, '[\\s\\S]{$1,$2}')})$`, 'u');
})();
