import type { SharedCommitment, Summary } from './summary';

/** What the toolbar badge says about the primary partner. */
export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_DONE = '#1d7a46';
export const BADGE_WAITING = '#6b6f76';

/** The partner's streak: the longest current run among what they share, with its unit. */
export function partnerStreak(s: Summary): { count: number; unit: 'day' | 'week' } {
  let best: SharedCommitment | undefined;
  for (const c of s.commitments) if (!best || c.streak > best.streak) best = c;
  return { count: best?.streak ?? 0, unit: best?.unit ?? 'day' };
}

/** Done today: every shared commitment that applies today is done (none pending, in progress or missed). */
export function partnerDoneToday(s: Summary): boolean {
  const due = s.commitments.filter((c) => c.status !== 'not-today' && c.status !== 'paused');
  return due.length > 0 && due.every((c) => c.status === 'done');
}

/** The badge for the primary partner's latest summary; an empty badge when there is none. */
export function badgeFor(partnerName: string, s: Summary | undefined): Badge {
  if (!s) return { text: '', color: BADGE_WAITING, title: `Tandem — waiting for ${partnerName}'s first update` };
  const { count, unit } = partnerStreak(s);
  const done = partnerDoneToday(s);
  const text = count > 999 ? '999+' : String(count);
  const streak = `${count}-${unit} streak`;
  return {
    text,
    color: done ? BADGE_DONE : BADGE_WAITING,
    title: `Tandem — ${s.name}: ${streak}, ${done ? 'done for today' : 'not done yet today'}`,
  };
}

/** "Sam finished Deep work at 9:40" lines for the block page and popup, in the viewer's time zone. */
export function partnerProgressLines(s: Summary, timeZone: string, locale?: string): string[] {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  return s.commitments
    .filter((c) => c.status !== 'not-today')
    .map((c) => {
      if (c.status === 'done') return c.doneAt ? `${s.name} finished ${c.title} at ${time.format(c.doneAt)}` : `${s.name} has done ${c.title}`;
      if (c.status === 'in-progress') return `${s.name} is working on ${c.title}`;
      if (c.status === 'paused') return `${s.name} has paused ${c.title}`;
      if (c.status === 'missed') return `${s.name} missed ${c.title} today`;
      return `${s.name} has not started ${c.title} yet`;
    });
}
