import { render } from 'preact';
import { hostOf } from '@/utils/core/site-pattern';
import { BlockFrame } from '@/components/BlockFrame';
import type { EarlyPaint } from './load';

declare global {
  interface Window {
    /** Set by main.tsx as the full app renders: an early frame arriving later is not painted over it. */
    tandemBlockApp?: boolean;
  }
}

/**
 * Paints the block page's first frame from the worker's preview (load.ts), with the same component and words as
 * the full app but none of its choices: nothing here can be pressed. The full app replaces it when its modules
 * and the worker's answer are in (main.tsx). Rendered into a fresh element, so the app's own copy of Preact finds
 * plain markup to replace, not another copy's tree.
 */
export function paintEarlyFrame({ target, page }: EarlyPaint): void {
  const paint = () => {
    const app = document.getElementById('app');
    if (!app || window.tandemBlockApp) return;
    const frame = document.createElement('div');
    render(<BlockFrame views={page.views} host={hostOf(target) ?? ''} turnedBack={page.turnedBack} early />, frame);
    app.replaceChildren(...frame.childNodes);
    whenStyled(() => {
      if (performance.getEntriesByName('tandem:block-rendered').length === 0) performance.mark('tandem:block-rendered');
    });
  };
  // The script runs in the head: the body may not be parsed yet. 'interactive' comes before the app's modules run.
  if (document.getElementById('app')) paint();
  else document.addEventListener('readystatechange', paint, { once: true });
}

/**
 * Calls `then` once the page's stylesheets have loaded: the frame is not shown until they are in (they block the page's
 * painting), so the 'tandem:block-rendered' mark waits for them, as the benchmark's floor page's mark does (its script
 * follows its stylesheet). The build puts the block page's styles inline (scripts/inline-styles.ts), so there it calls
 * `then` at once; `wxt dev` still links the stylesheet.
 */
function whenStyled(then: () => void): void {
  const pending = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => !link.sheet);
  let left = pending.length;
  if (left === 0) return then();
  for (const link of pending) {
    const done = () => --left === 0 && then();
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', done, { once: true });
  }
}
