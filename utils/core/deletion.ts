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
    `${count(inv.commitments, 'commitment', 'commitments')}, archived ones included, with their history`,
    `${count(inv.checkIns, 'check-in', 'check-ins')} and ${count(inv.sessions, 'focus session', 'focus sessions')}`,
    `${count(inv.attempts, 'visit', 'visits')} to the block page and ${count(inv.siteDays, 'day', 'days')} of time on your tracked sites`,
    'Your settings and your name for partners',
    "Tandem's daily backups in this browser",
  ];
  if (inv.partners.length > 0) {
    lines.push(`Your partnership with ${joinNames(inv.partners)} ends, and what they see of you is deleted from the sync server`);
  }
  if (syncs) lines.push('Your anonymous sync account, if this browser has one');
  return lines;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
