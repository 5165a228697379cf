import { browser } from 'wxt/browser';
import { installMessages, tr, uiLocale } from '../core/i18n';

// WXT types getMessage's keys from the catalog it last prepared; the keys come from the core here, checked by tests/unit/i18n.test.ts.
const getMessage = (key: string): string => (browser.i18n.getMessage as (key: string) => string)(key);

/**
 * The locale for Intl: the browser's UI language when the catalog in use is in that language (en-GB with the en
 * catalog), else the catalog's own language (a browser in French reads the en words, so en dates beside them).
 * Chromium started with --lang (the browser tests) picks the catalog by it while getUILanguage() may still say en-US.
 */
function localeOf(catalogLocale: string, uiLanguage: string): string {
  return uiLanguage.toLowerCase().split('-')[0] === catalogLocale ? uiLanguage : catalogLocale;
}

/**
 * Installs the browser's catalog (public/_locales, in the browser's UI language, en as the fallback) for this
 * context's words. Each page's main.tsx and the worker call it first, before anything renders or answers.
 * getMessage is synchronous: the first render waits for nothing. On a page, `titleKey` names the tab's title
 * (the static title in index.html is the English one, for the moment before this runs).
 */
export function installBrowserMessages(titleKey?: string): void {
  installMessages((key) => getMessage(key) || undefined, 'en');
  installMessages((key) => getMessage(key) || undefined, localeOf(tr('catalog_locale'), browser.i18n.getUILanguage()));
  if (typeof document === 'undefined') return;
  document.documentElement.lang = uiLocale();
  if (titleKey) document.title = tr(titleKey);
}
