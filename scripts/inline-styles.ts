import type { Plugin } from 'vite';

/**
 * A Vite plugin: the pages whose source HTML matches `page` get their stylesheets inline, as a `<style>` in place of
 * each `<link rel="stylesheet">` Vite wrote (the file stays in the build for the other pages). An extension page's
 * stylesheet is one more resource the page waits for before it can paint; on the block page that wait was the last
 * thing between its first frame and the screen (docs/architecture.md). Extension pages may hold inline styles: the
 * default content security policy limits scripts only.
 */
export function inlineStyles(page: RegExp): Plugin {
  return {
    name: 'tandem:inline-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename, bundle }) {
        if (!bundle || !page.test(filename)) return html;
        return html.replace(/<link rel="stylesheet"[^>]*? href="\/?([^"]+\.css)"[^>]*>/g, (tag, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return tag;
          return `<style>${String(asset.source).replace(/<\/style/gi, '<\\/style')}</style>`;
        });
      },
    },
  };
}
