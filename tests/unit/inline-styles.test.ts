import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext } from 'vite';
import { inlineStyles } from '../../scripts/inline-styles';

const HTML = '<head><link rel="stylesheet" crossorigin href="/assets/styles-x.css"></head><body></body>';
const bundle = { 'assets/styles-x.css': { type: 'asset', source: 'main{color:red}</style>' } } as unknown as IndexHtmlTransformContext['bundle'];

function transform(filename: string): string {
  const hook = inlineStyles(/block\/index\.html$/).transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => string };
  return hook.handler(HTML, { filename, bundle, path: '/' } as IndexHtmlTransformContext);
}

describe('inlineStyles (the block page paints without waiting for a stylesheet)', () => {
  it("puts the named page's stylesheet inline, unable to close its own <style> early", () => {
    expect(transform('/p/entrypoints/block/index.html')).toBe('<head><style>main{color:red}<\\/style></style></head><body></body>');
  });

  it('leaves the other pages linking the shared file', () => {
    expect(transform('/p/entrypoints/popup/index.html')).toBe(HTML);
  });
});
