import { render } from 'preact';
import '@/components/styles.css';
import { BlockApp, Shell } from './App';
import { loadBlockPage } from './load';
import { installBrowserMessages } from '@/utils/browser/i18n';

installBrowserMessages('page_title_block');

// block.html paints a calm static message at once; the app renders once, with everything, from the first load,
// which block-early.js started before these modules loaded (started here if that script did not run).
void (window.tandemBlockLoad ?? loadBlockPage(location.href)).then((loaded) => {
  const app = document.getElementById('app')!;
  if (loaded.kind === 'open') location.replace(loaded.target);
  else if (loaded.kind === 'shell') render(<Shell title={loaded.title} />, app);
  else {
    window.tandemBlockApp = true; // an early frame not painted yet is not painted now (block/early-frame.tsx)
    render(<BlockApp first={loaded} />, app);
  }
});
