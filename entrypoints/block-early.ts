import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadBlockPage, type Loaded } from './block/load';
import { paintEarlyFrame } from './block/early-frame';
import { installBrowserMessages } from '@/utils/browser/i18n';
import { tr } from '@/utils/core/i18n';

declare global {
  interface Window {
    /** The block page's first load, started by this script before the page's modules have loaded. */
    tandemBlockLoad?: Promise<Loaded>;
  }
}

/**
 * A plain script in block.html's head, run as soon as the page is committed: it starts the block page's first load
 * (one storage read, then the worker's one answer) while the app's modules are still loading, and paints the first
 * frame itself from the worker's block preview when that covers this visit (docs/architecture.md).
 */
export default defineUnlistedScript(() => {
  installBrowserMessages('page_title_block');
  // block.html's static first words are English; in another language they are replaced as soon as they are parsed.
  const localise = () => document.querySelector('#app main[aria-busy] h1')?.replaceChildren(tr('block_this_site_can_wait_a_little'));
  if (document.getElementById('app')) localise();
  else document.addEventListener('readystatechange', localise, { once: true });
  window.tandemBlockLoad = loadBlockPage(location.href, paintEarlyFrame);
});
