import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/utils/core/types';
import { formatCountdown } from '@/utils/core/format';
import { tr, trCount } from '@/utils/core/i18n';

/** Seconds of breathing before "go anyway" can be chosen: a small pause, not a punishment. */
export const BREATHING_SECONDS = 10;

/**
 * "Not now", and "Go anyway…": a breathing pause, then the one choice, opening the site for the person's own
 * number of minutes (the options page sets it). Focus follows: to the pause when it starts, to the choice after it.
 */
export function GoAnyway({ now, minutes, notNow, goAnyway }: {
  now: number;
  minutes: number;
  notNow(): void;
  goAnyway(minutes: number): Promise<Result<unknown>>;
}) {
  const [pauseEndsAt, setPauseEndsAt] = useState<number | null>(null);
  const breathing = pauseEndsAt !== null && now < pauseEndsAt;
  return (
    <>
      <div class="ways">
        <button class="quiet" data-testid="not-now" onClick={notNow}>{tr('go_anyway_not_now')}</button>
        {pauseEndsAt === null && (
          <button class="quiet" data-testid="go-anyway" onClick={() => setPauseEndsAt(now + BREATHING_SECONDS * 1000)}>{tr('go_anyway_go_anyway')}</button>
        )}
      </div>
      {breathing && <Breathing left={pauseEndsAt - now} />}
      {pauseEndsAt !== null && !breathing && <Choice minutes={minutes} goAnyway={goAnyway} />}
    </>
  );
}

function Breathing({ left }: { left: number }) {
  const section = useRef<HTMLElement>(null);
  // The button that started the pause is gone: keep the focus on the page, where the pause is.
  useEffect(() => section.current?.focus(), []);
  return (
    <section class="breathing" data-testid="breathing" role="timer" aria-live="polite" tabIndex={-1} ref={section}>
      <div class="breath-circle" aria-hidden="true" />
      <p>{tr('go_anyway_take_a_slow_breath', { value: formatCountdown(left) })}</p>
    </section>
  );
}

function Choice({ minutes, goAnyway }: { minutes: number; goAnyway(minutes: number): Promise<Result<unknown>> }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section class="go-anyway" data-testid="go-anyway-choice">
      <p>{tr('go_anyway_still_want_to_go_it_opens_for')}{' '}{minutes === 1 ? tr('go_anyway_a_minute') : tr('go_anyway_minutes', { minutes })}{tr('go_anyway_then_the_pause_comes_back')}</p>
      <button ref={first} data-testid={`go-${minutes}`} onClick={() => void goAnyway(minutes)}>
        {tr('go_anyway_open_for')}{' '}{trCount('go_anyway_minute_count', minutes)}
      </button>
    </section>
  );
}
