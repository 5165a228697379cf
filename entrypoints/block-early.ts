import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadBlockPage, type Loaded } from './block/load';

declare global {
  interface Window {
    /** The block page's first load, started by this script before the page's modules have loaded. */
    tandemBlockLoad?: Promise<Loaded>;
  }
}

/**
 * A plain script in block.html's head, run as soon as the page is committed: it starts the block page's first load
 * (two storage reads, then the worker's one answer) while the app's modules are still loading, so the first paint
 * waits for the slower of the two rather than for both one after the other (docs/architecture.md).
 */
export default defineUnlistedScript(() => {
  window.tandemBlockLoad = loadBlockPage(location.href);
});
