/**
 * Where settings and the published gate live in extension storage. A module of its own: a page that only needs to
 * read them once (the block page's first load) reads both in one call without defining the storage items, each of
 * which reads its value again as it is defined (utils/settings.ts).
 */
export const SETTINGS_KEY = 'local:settings';
export const GATE_KEY = 'local:gate';
/** What the block page first shows, prepared by the worker (core/block-preview.ts); read with the two above. */
export const PREVIEW_KEY = 'local:blockPreview';

/** The block page's first read, in this order (entrypoints/block/load.ts). */
export const FIRST_READ_KEYS = [GATE_KEY, SETTINGS_KEY, PREVIEW_KEY] as const;

/** A key as the storage area itself names it ('local:gate' is 'gate' in storage.local). */
export const areaKey = (key: string): string => key.slice(key.indexOf(':') + 1);
