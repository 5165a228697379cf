/**
 * Vitest setup (not shipped): the words come from the en catalog, as in an English browser, and a key missing from
 * it throws, so a test that reaches it fails instead of showing an empty string.
 */
import { readFileSync } from 'node:fs';
import { installMessages } from '@/utils/core/i18n';

const catalog = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;

installMessages((key) => catalog[key]?.message, 'en', (key) => {
  throw new Error(`No message "${key}" in public/_locales/en/messages.json`);
});
