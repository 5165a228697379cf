/**
 * Every alarm Tandem sets, by name, and the interface the services set them through (utils/browser/alarms.ts
 * implements it and owns the one `onAlarm` listener). Alarms are the worker's only timers: they survive the
 * worker stopping, and each reaction recomputes from stored state, so a missed or doubled one changes nothing.
 */
export const ALARMS = {
  /**
   * The gate's next change (a window's end, a session's end, a grant's expiry, the day rollover), at least hourly;
   * the toolbar badge is recomputed with the gate, so it follows window ends and the day's start too.
   */
  gate: 'gate',
  /** A push of the person's summary, PUSH_DELAY_MS after the first local change of a burst. */
  syncPush: 'sync-push',
  /** The next outbox delivery that is due (after a backoff, or a counts-only change held back). */
  syncDeliver: 'sync-deliver',
  /** Reading partners' summaries on a schedule, while there is a partner or an invite waiting. */
  syncPull: 'sync-pull',
  /** Once a minute while a visit to a tracked site is open (visit-events.ts). */
  heartbeat: 'visit-heartbeat',
  /** The start of the day the next easing waiting applies (utils/services/commitments.ts applyDueEasings). */
  easing: 'easing',
  /** A daily backup of the person's records (utils/services/backup/snapshots.ts); one is also taken at a start when due. */
  backup: 'backup',
  /** The next reminder (the weekly review, a window closing), recomputed from stored state (services/reminders.ts). */
  reminder: 'reminder',
} as const;

export type AlarmName = (typeof ALARMS)[keyof typeof ALARMS];

/** The alarms as the services see them (an interface, so they can be tested without a browser). */
export interface Alarms {
  /** Fires once at `when` (at least a second from now); replaces an alarm of the same name. */
  at(name: AlarmName, when: number): Promise<void>;
  /** Fires once at `when` unless one of that name is already set (a burst joins the first). */
  atUnlessSet(name: AlarmName, when: number): Promise<void>;
  /** Fires every `minutes` while `on`; cleared when not. Left alone when already in that state. */
  every(name: AlarmName, minutes: number, on: boolean): Promise<void>;
  clear(name: AlarmName): Promise<void>;
}

