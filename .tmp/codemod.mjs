// One-off: converts user-facing strings to tr('key', {...}) calls and writes public/_locales/en/messages.json.
import ts from 'typescript';
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname, relative, basename } from 'node:path';
const DRY = process.argv.includes('--dry');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const files = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p); } };
['utils', 'components', 'entrypoints'].forEach(walk);
const SKIP_FILES = [/^utils\/db\//, /^utils\/core\/i18n/, /^utils\/browser\/i18n/, /^utils\/firestore\/(config|connect)/];
const ATTRS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-valuetext', 'aria-roledescription']);
const EXCLUDE = [/^Tandem: /, /^Tandem:\s*X/, /^[A-Z]+[:;=]/, /^PRODID/, /^http/, /^translate\(/, /^\S*:X?$/, /^[\w-]*X[\w-]*$/, /^tandem-/, /firebaseapp/, /^Requirement kind/, /^Unknown requirement kind/, /^Not a day key/, /^(site|day) X$/, /^Tandem$/, /^X\.[a-z]+$/];
const lettersWordy = (s) => /[A-Za-z]{2,}/.test(s) && (/[A-Za-z]{2,}[^\n]*\s[^\n]*[A-Za-z]{2,}/.test(s) || /[A-Za-z]{2,}\s*X|X\s*[A-Za-z]{2,}/.test(s) || /^[A-Z][a-z]+[.!?…:]?$/.test(s) || /^[a-z]+ [a-z]+/.test(s));
const en = Object.fromEntries(Object.entries(JSON.parse(readFileSync('.tmp/manual-en.json', 'utf8'))).map(([k, v]) => [k, { message: v }]));
const byText = new Map(Object.entries(en).map(([k, v]) => [v.message + '|' + k.split('_')[0], k]));
const manual = [];
function area(f) {
  let m;
  if ((m = /^entrypoints\/([a-z]+)/.exec(f))) return m[1];
  if ((m = /^components\/(review|requirements)\//.exec(f))) return m[1] === 'review' ? 'review' : 'requirement';
  const base = basename(f).replace(/\.tsx?$/, '');
  return base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
}
function keyFor(f, text) {
  const a = area(f);
  const hit = byText.get(text + '|' + a.split('_')[0]);
  if (hit && hit.startsWith(a + '_')) return hit;
  const words = text.replace(/\{\w+\}/g, ' ').toLowerCase().replace(/[’']/g, '').match(/[a-z0-9]+/g) ?? ['text'];
  let slug = [];
  for (const w of words) { if ((slug.join('_') + '_' + w).length > 32) break; slug.push(w); }
  let key = `${a}_${slug.join('_') || 'text'}`; let i = 2; const base = key;
  while (en[key] && en[key].message !== text) key = `${base}_${i++}`;
  en[key] = { message: text }; byText.set(text + '|' + a.split('_')[0], key);
  return key;
}
function placeholderName(expr, used) {
  let n = ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : 'value';
  if (['length'].includes(n) && ts.isPropertyAccessExpression(expr)) n = (ts.isIdentifier(expr.expression) ? expr.expression.text : 'count');
  let name = n, i = 2; while (used.has(name)) name = n + i++;
  used.add(name); return name;
}
const subsText = (pairs) => pairs.length ? `, { ${pairs.map(([k, v]) => (k === v ? k : `${k}: ${v}`)).join(', ')} }` : '';
const call = (key, pairs) => `tr('${key}'${subsText(pairs)})`;
function jsxText(raw) {
  const lines = raw.split('\n');
  if (lines.length === 1) return raw;
  return lines.map((l, i) => { let s = l; if (i > 0) s = s.trimStart(); if (i < lines.length - 1) s = s.trimEnd(); return s; }).filter((s) => s !== '').join(' ');
}
function hasCandidate(node, sf) {
  let found = false;
  const v = (n) => { if (found) return; if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) found = true; else if (isLiteralCandidate(n, sf)) found = true; else ts.forEachChild(n, v); };
  v(node); return found;
}
function inFunction(n) { for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return true; return false; }
function templateShape(n) { return ts.isTemplateExpression(n) ? n.head.text + n.templateSpans.map((s) => 'X' + s.literal.text).join('') : n.text; }
function isLiteralCandidate(n, sf) {
  if (!(ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n))) return false;
  const p = n.parent;
  if (!p || ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isPropertyAssignment(p) && p.name === n) return false;
  if (ts.isJsxAttribute(p)) return false; // attributes handled separately
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return false;
  if (ts.isCaseClause(p) || ts.isElementAccessExpression(p) && p.argumentExpression === n) return false;
  for (let q = p; q; q = q.parent) {
    if (ts.isCallExpression(q) && /^console\./.test(q.expression.getText(sf))) return false;
    if (ts.isNewExpression(q) && /Error$/.test(q.expression.getText(sf))) return false;
    if (ts.isCallExpression(q) && /^(logError|warn|report|logged|quietly)$/.test(q.expression.getText(sf)) && q.arguments[0] !== undefined && q.arguments.indexOf(n) >= 0 && /^Tandem/.test(n.text ?? n.head?.text ?? '')) return false;
    if (ts.isFunctionLike(q) || ts.isBlock(q)) break;
  }
  const shape = templateShape(n).trim();
  if (ts.isReturnStatement(p) && p.parent && ts.isBlock(p.parent) && p.parent.parent && ts.isGetAccessor(p.parent.parent) && /[A-Za-z]{2,}/.test(shape) && !/^Tandem$/.test(shape)) return true;
  if (EXCLUDE.some((r) => r.test(shape))) return false;
  if (ts.isTemplateExpression(n)) return lettersWordy(shape.replace(/X/g, ' X '));
  return lettersWordy(shape);
}
let total = 0;
for (const f of files) {
  if (SKIP_FILES.some((r) => r.test(f)) || (ONLY && !f.includes(ONLY))) continue;
  let src = readFileSync(f, 'utf8'); let changed = false;
  for (let pass = 0; pass < 6; pass++) {
    const sf = ts.createSourceFile(f, src, ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const edits = [];
    const covered = (a, b) => edits.some((e) => !(b <= e.start || a >= e.end));
    const visit = (n) => {
      // JSX children runs
      if (ts.isJsxElement(n) || ts.isJsxFragment(n)) {
        const kids = [...n.children]; let run = [];
        const flush = () => {
          if (run.some((k) => ts.isJsxText(k) && /[A-Za-z]{2,}/.test(k.text))) {
            const used = new Set(); const pairs = []; let text = '';
            for (const k of run) {
              if (ts.isJsxText(k)) text += jsxText(k.text);
              else if (ts.isStringLiteral(k.expression)) text += k.expression.text;
              else { const name = placeholderName(k.expression, used); pairs.push([name, k.expression.getText(sf)]); text += `{${name}}`; }
            }
            const lead = /^\s/.test(text) && !/^\s*\n/.test(run[0].getFullText(sf)) ? "{' '}" : '';
            const trail = /\s$/.test(text) && !/\n\s*$/.test(run.at(-1).getFullText(sf)) ? "{' '}" : '';
            const msg = text.trim();
            const start = run[0].getStart(sf), end = run.at(-1).getEnd();
            if (!covered(start, end)) { edits.push({ start, end, text: `${lead}{${call(keyFor(f, msg), pairs)}}${trail}` }); if (!inFunction(n)) manual.push(`${f}: top-level JSX ${msg}`); }
          }
          run = [];
        };
        for (const k of kids) {
          if (ts.isJsxText(k)) run.push(k);
          else if (ts.isJsxExpression(k) && k.expression && !hasCandidate(k.expression, sf) && !(k.expression.getText(sf).includes('<'))) run.push(k);
          else if (ts.isJsxExpression(k) && k.expression && ts.isStringLiteral(k.expression)) run.push(k);
          else flush();
        }
        flush();
      }
      if (ts.isJsxAttribute(n) && ATTRS.has(n.name.getText(sf)) && n.initializer && ts.isStringLiteral(n.initializer) && /[A-Za-z]{2,}/.test(n.initializer.text)) {
        const s = n.initializer.getStart(sf), e = n.initializer.getEnd();
        if (!covered(s, e)) edits.push({ start: s, end: e, text: `{${call(keyFor(f, n.initializer.text), [])}}` });
      }
      if (isLiteralCandidate(n, sf)) {
        // innermost first: skip if a candidate is inside
        let inner = false; ts.forEachChild(n, (c) => { const v = (x) => { if (isLiteralCandidate(x, sf) || ts.isJsxElement(x) || ts.isJsxSelfClosingElement(x)) inner = true; else ts.forEachChild(x, v); }; v(c); });
        if (!inner) {
          const s = n.getStart(sf), e = n.getEnd();
          if (!covered(s, e)) {
            let text, pairs = [];
            if (ts.isTemplateExpression(n)) { const used = new Set(); text = n.head.text; for (const sp of n.templateSpans) { const name = placeholderName(sp.expression, used); pairs.push([name, sp.expression.getText(sf)]); text += `{${name}}` + sp.literal.text; } }
            else text = n.text;
            if (!inFunction(n)) manual.push(`${f}:${sf.getLineAndCharacterOfPosition(s).line + 1} top-level ${JSON.stringify(text)}`);
            else if (text !== text.trim()) { const l = text.match(/^\s*/)[0], r = text.match(/\s*$/)[0]; edits.push({ start: s, end: e, text: `${l ? `'${l}' + ` : ''}${call(keyFor(f, text.trim()), pairs)}${r ? ` + '${r}'` : ''}` }); }
            else edits.push({ start: s, end: e, text: call(keyFor(f, text), pairs) });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (!edits.length) break;
    edits.sort((a, b) => b.start - a.start);
    for (const e of edits) src = src.slice(0, e.start) + e.text + src.slice(e.end);
    total += edits.length; changed = true;
  }
  if (changed) {
    if (!/import \{ tr(,| \})/.test(src)) {
      const target = f.startsWith('utils/core/') ? (() => { let r = relative(dirname(f), 'utils/core/i18n'); return r.startsWith('.') ? r : './' + r; })() : '@/utils/core/i18n';
      const lines = src.split('\n'); let last = -1;
      for (let i = 0; i < lines.length; i++) if (/^import /.test(lines[i])) { let j = i; while (!/from '|^import '/.test(lines[j])) j++; last = j; i = j; }
      lines.splice(last + 1, 0, `import { tr } from '${target}';`);
      src = lines.join('\n');
    }
    if (!DRY) writeFileSync(f, src);
  }
}
const sorted = Object.fromEntries(Object.keys(en).sort().map((k) => [k, en[k]]));
writeFileSync('.tmp/en.json', JSON.stringify(sorted, null, 2) + '\n');
console.log('edits', total, 'keys', Object.keys(en).length);
console.log(manual.join('\n'));
