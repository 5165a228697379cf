import { tr } from './i18n';
/**
 * What "Delete everything" takes away, counted (utils/db/queries.ts `inventory`) and said in plain words before
 * the person confirms: nothing goes that the list does not name.
 */
export interface Inventory {
  commitments: number;
  checkIns: number;
  sessions: number;
  attempts: number;
  /** Days of time kept per tracked site. */
  siteDays: number;
  /** Names of partners whose partnership ends (live pairs only). */
  partners: string[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The confirmation's list; `syncs`: this build talks to the sync server. */
export function whatGoes(inv: Inventory, syncs: boolean): string[] {
  const lines = [
    tr('deletion_archived_ones_included_with', { value: count(inv.commitments, 'commitment', 'commitments') }),
    tr('deletion_and', { value: count(inv.checkIns, 'check-in', 'check-ins'), value2: count(inv.sessions, tr('deletion_focus_session'), tr('deletion_focus_sessions')) }),
    tr('deletion_to_the_block_page_and_of_time_on', { value: count(inv.attempts, 'visit', 'visits'), value2: count(inv.siteDays, 'day', 'days') }),
    tr('deletion_your_settings_and_your_name_for'),
    tr('deletion_tandems_daily_backups_in_this'),
  ];
  if (inv.partners.length > 0) {
    lines.push(tr('deletion_your_partnership_with_ends_and', { value: joinNames(inv.partners) }));
  }
  if (syncs) lines.push(tr('deletion_your_anonymous_sync_account_if'));
  return lines;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : tr('deletion_and', { value: names.slice(0, -1).join(', '), value2: names[names.length - 1] ?? '' });
}
