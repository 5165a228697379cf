import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const files = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p); } };
['utils', 'components', 'entrypoints'].forEach(walk);
const ATTRS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-valuetext']);
const WORDY = /[A-Za-z]{2,}[^\n]*\s[^\n]*[A-Za-z]{2,}|^[A-Z][a-z]+[.!?…:]?$/;
let total = 0; const per = {};
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  const sf = ts.createSourceFile(f, src, ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = [];
  const visit = (n) => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    if (ts.isJsxText(n) && /[A-Za-z]{2,}/.test(n.text)) out.push(n.text.trim());
    else if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && WORDY.test(n.text) && !(n.parent && ts.isJsxAttribute(n.parent) && !ATTRS.has(n.parent.name.getText()))) out.push(n.text);
    else if (ts.isTemplateExpression(n)) { const t = n.head.text + n.templateSpans.map((s) => ' X ' + s.literal.text).join(''); if (/[A-Za-z]{2,}/.test(n.head.text + n.templateSpans.map(s=>s.literal.text).join(''))) out.push('`' + t + '`'); }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (out.length) { per[f] = out; total += out.length; }
}
if (process.argv[2]) for (const [f, o] of Object.entries(per)) { console.log('##', f); o.forEach((s) => console.log('   ', JSON.stringify(s))); }
else for (const [f, o] of Object.entries(per).sort((a,b)=>b[1].length-a[1].length)) console.log(o.length, f);
console.log('total', total);
