import { browser } from 'wxt/browser';
import type { Result } from '../core/types';
import { originsNeeded } from '../core/site-access';
import { syncStateItem } from '../settings';
import { tr } from '@/utils/core/i18n';

/**
 * Asks for access to sites beyond the preset webmail hosts. Must run inside the click that saves the
 * form (browsers only show the prompt during a user gesture), so it is called before any other await.
 */
export async function requestSiteAccess(sites: string[]): Promise<Result<null>> {
  const origins = originsNeeded(sites);
  if (origins.length === 0) return { ok: true, value: null };
  const granted = await browser.permissions.request({ origins }).catch(() => false);
  return granted
    ? { ok: true, value: null }
    : { ok: false, error: tr('permissions_tandem_needs_your_permission_to', { value: origins.map((o) => o.slice(4, -2)).join(', ') }) };
}

/**
 * Turns the "a partner finished" notification on or off. Turning it on asks for the optional `notifications`
 * permission (inside the click); refused, it stays off and says so.
 */
export async function setPartnerNotifications(on: boolean): Promise<Result<boolean>> {
  if (on && !(await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false))) {
    return { ok: false, error: tr('permissions_notifications_were_not_allowed') };
  }
  await syncStateItem.setValue({ ...(await syncStateItem.getValue()), notifyPartnerDone: on });
  return { ok: true, value: on };
}
