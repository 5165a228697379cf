import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/utils/core/types';
import { formatCountdown } from '@/utils/core/format';

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
        <button class="quiet" data-testid="not-now" onClick={notNow}>Not now</button>
        {pauseEndsAt === null && (
          <button class="quiet" data-testid="go-anyway" onClick={() => setPauseEndsAt(now + BREATHING_SECONDS * 1000)}>Go anyway…</button>
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
      <p>Take a slow breath. {formatCountdown(left)}</p>
    </section>
  );
}

function Choice({ minutes, goAnyway }: { minutes: number; goAnyway(minutes: number): Promise<Result<unknown>> }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section class="go-anyway" data-testid="go-anyway-choice">
      <p>Still want to go? It opens for {minutes === 1 ? 'a minute' : `${minutes} minutes`}, then the pause comes back.</p>
      <button ref={first} data-testid={`go-${minutes}`} onClick={() => void goAnyway(minutes)}>
        Open for {minutes === 1 ? '1 minute' : `${minutes} minutes`}
      </button>
    </section>
  );
}
