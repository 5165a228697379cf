import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadBlockPage, type Loaded } from './block/load';
import { paintEarlyFrame } from './block/early-frame';
import { installBrowserMessages } from '@/utils/browser/i18n';

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
  window.tandemBlockLoad = loadBlockPage(location.href, paintEarlyFrame);
});
