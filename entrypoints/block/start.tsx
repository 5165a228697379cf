import { render } from 'preact';
import { BlockApp, Shell } from './App';
import { loadBlockPage } from './load';
import { installBrowserMessages } from '@/utils/browser/i18n';

/**
 * The full block page, imported by main.tsx once the early frame is in. block.html paints a calm static message at
 * once; the app renders once, with everything, from the first load, which block-early.js started before these
 * modules loaded (started here if that script did not run).
 */
export async function start(): Promise<void> {
  installBrowserMessages('page_title_block');
  const loaded = await (window.tandemBlockLoad ?? loadBlockPage(location.href));
  const app = document.getElementById('app')!;
  if (loaded.kind === 'open') location.replace(loaded.target);
  else if (loaded.kind === 'shell') render(<Shell title={loaded.title} />, app);
  else {
    window.tandemBlockApp = true; // an early frame not painted yet is not painted now (block/early-frame.tsx)
    render(<BlockApp first={loaded} />, app);
  }
}
