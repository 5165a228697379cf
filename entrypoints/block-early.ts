import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadBlockPage, type Loaded } from './block/load';
import { paintEarlyFrame } from './block/early-frame';
import { installBrowserMessages } from '@/utils/browser/i18n';
import { tr } from '@/utils/core/i18n';

declare global {
  interface Window {
    /** The block page's first load, started by this script before the page's modules have loaded. */
    tandemBlockLoad?: Promise<Loaded>;
    /** Settles once the first frame is painted from the preview, or there is none to paint: main.tsx then loads the app. */
    tandemBlockFirstFrame?: Promise<void>;
  }
}

/**
 * block.html's first script, a plain one run as soon as the page is committed (block.html's static message is showing:
 * the gate's work ends here, the 'tandem:block-ready' mark). It starts the block page's first load at once (one
 * storage read, then the worker's one answer), paints the first frame itself from the worker's block preview when that
 * covers this visit, and only then lets main.tsx load the app's modules (docs/architecture.md). One script, not two:
 * each extension resource a page waits for costs ~5 ms of its own on a busy machine.
 */
export default defineUnlistedScript(() => {
  performance.mark('tandem:block-ready');
  let firstFrame = () => {};
  window.tandemBlockFirstFrame = new Promise<void>((resolve) => (firstFrame = resolve));
  installBrowserMessages('page_title_block');
  window.tandemBlockLoad = loadBlockPage(location.href, paintEarlyFrame, firstFrame);
  window.tandemBlockLoad.then(firstFrame, firstFrame); // it may end before deciding (another site's frame, nothing held back)
  // block.html's static first words are English; in another language they are replaced as soon as they are parsed.
  const localise = () => document.querySelector('#app main[aria-busy] h1')?.replaceChildren(tr('block_this_site_can_wait_a_little'));
  if (document.getElementById('app')) localise();
  else document.addEventListener('readystatechange', localise, { once: true });
});
