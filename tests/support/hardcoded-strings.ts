/**
 * Finds words a person would read that are written in the code instead of the catalog (issue 13, item 5; used by
 * tests/unit/i18n.test.ts). It reads the source with TypeScript's parser and reports:
 * - JSX text with letters: `<p>Saved</p>`;
 * - a person-facing attribute with a literal: title, aria-label, placeholder, alt, label, aria-valuetext;
 * - a string with words in it anywhere else: two words ("Not now"), a capitalised word ("Saved", "Cancel") or a
 *   template literal with a word beside a value (`Restored: ${what}`, `${n} sites`; not `details-${id}`);
 * - in .tsx files, any string with a letter that becomes page content: a JSX child or attribute above, through
 *   `?:`, `&&`, `||`, `??` or a template (`{n === 1 ? 'site' : 'sites'}`).
 * Not reported: imports, types, object keys, comparisons (`=== 'done'`), `case` labels, index keys, other JSX
 * attributes (class, data-testid, id, name, value…), console and `new Error(…)` arguments (for developers), CSS
 * selectors and the first argument of tr/trCount (a key).
 */
import ts from 'typescript';

export const PERSON_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-valuetext', 'aria-roledescription']);

export interface Literal {
  line: number;
  text: string;
}

const WORDS = /[A-Za-z]{2,}[^\n]*\s[^\n]*[A-Za-z]{2,}/; // two words
const CAPITALISED = /^[A-Z][a-z]+[.!?…:]?$/; // "Saved", "Cancel"
const wordy = (s: string) => WORDS.test(s) || CAPITALISED.test(s.trim());

function textOf(n: ts.Node): string | null {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => `\${}${s.literal.text}`).join('');
  return null;
}

/** Not words for people: where a string is a name, a key, a type or a message for developers. */
function quietContext(n: ts.Node, sf: ts.SourceFile): boolean {
  const p = n.parent;
  if (!p) return true;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isExternalModuleReference(p) || ts.isLiteralTypeNode(p)) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isGetAccessor(p)) && p.name === n) return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(p.operatorToken.kind)) return true;
  if (ts.isCaseClause(p) || (ts.isElementAccessExpression(p) && p.argumentExpression === n)) return true;
  if (ts.isJsxAttribute(p) && !PERSON_ATTRIBUTES.has(p.name.getText(sf))) return true;
  if (ts.isCallExpression(p) && /^(tr|trCount)$/.test(p.expression.getText(sf)) && p.arguments[0] === n) return true;
  if (ts.isCallExpression(p) && /\.(querySelector|querySelectorAll|closest|matches)$/.test(p.expression.getText(sf))) return true; // a CSS selector
  for (let q: ts.Node | undefined = p; q && !ts.isSourceFile(q); q = q.parent) {
    if (ts.isJsxExpression(q) && q.parent && ts.isJsxAttribute(q.parent) && !PERSON_ATTRIBUTES.has(q.parent.name.getText(sf))) return true;
    if (ts.isCallExpression(q) && /^console\./.test(q.expression.getText(sf))) return true;
    if (ts.isNewExpression(q) && /Error$/.test(q.expression.getText(sf))) return true;
    if (ts.isFunctionLike(q)) break;
  }
  return false;
}

/** A string that becomes page content in JSX: a child, or a person-facing attribute, through ?: && || ?? and templates. */
function becomesContent(n: ts.Node, sf: ts.SourceFile): boolean {
  let q: ts.Node = n;
  for (;;) {
    const p = q.parent;
    if (!p) return false;
    if (ts.isConditionalExpression(p) && p.condition !== q) q = p;
    else if (ts.isBinaryExpression(p) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(p.operatorToken.kind)) q = p;
    else if (ts.isParenthesizedExpression(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p)) q = p;
    else if (ts.isJsxExpression(p)) return !p.parent || !ts.isJsxAttribute(p.parent) || PERSON_ATTRIBUTES.has(p.parent.name.getText(sf));
    else return false;
  }
}

/** The literal words in one file's source. */
export function hardCodedWords(file: string, src: string): Literal[] {
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Literal[] = [];
  const add = (n: ts.Node, text: string) => found.push({ line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: text.trim() });
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n)) {
      if (/[A-Za-z]{2,}/.test(n.text)) add(n, n.text.replace(/\s+/g, ' '));
    } else if (ts.isJsxAttribute(n) && PERSON_ATTRIBUTES.has(n.name.getText(sf)) && n.initializer && ts.isStringLiteral(n.initializer)) {
      if (/[A-Za-z]/.test(n.initializer.text)) add(n, `${n.name.getText(sf)}="${n.initializer.text}"`);
      return;
    } else {
      const text = textOf(n);
      if (text !== null && !quietContext(n, sf)) {
        const parts = ts.isTemplateExpression(n) ? [n.head.text, ...n.templateSpans.map((s) => s.literal.text)] : [text];
        const own = parts.join(' ');
        const inJsx = file.endsWith('.tsx') && /[A-Za-z]{2,}/.test(own) && becomesContent(n, sf);
        // A template's text beside a value: "Restored: ${what}.", "${n} sites" (not names like `details-${id}`).
        const template = parts.some((p) => /[A-Za-z]{2,}\s|\s[A-Za-z]{2,}|^[A-Z][a-z]+\W*$/.test(p));
        if (inJsx || wordy(own) || template) add(n, text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/**
 * The keys a file asks for: the first argument of tr('…') and trCount('…') (a literal, or `?:` between literals),
 * and a page's title key (installBrowserMessages('…')); a key that is not a literal is reported.
 */
export function keysUsed(file: string, src: string): { keys: { key: string; count: boolean }[]; dynamic: Literal[] } {
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const keys: { key: string; count: boolean }[] = [];
  const dynamic: Literal[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && /^(tr|trCount|installBrowserMessages)$/.test(n.expression.text) && n.arguments.length > 0) {
      const a = n.arguments[0]!;
      const count = n.expression.text === 'trCount';
      const literals = ts.isStringLiteral(a) ? [a] : ts.isConditionalExpression(a) ? [a.whenTrue, a.whenFalse] : [];
      if (literals.length && literals.every(ts.isStringLiteral)) for (const l of literals) keys.push({ key: (l as ts.StringLiteral).text, count });
      else dynamic.push({ line: sf.getLineAndCharacterOfPosition(a.getStart(sf)).line + 1, text: a.getText(sf) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { keys, dynamic };
}
