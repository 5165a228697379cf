import { useState } from 'preact/hooks';
import type { Result } from '@/utils/core/types';
import type { CommitmentView } from '@/utils/core/today';
import { formatCountdown, formatProgress } from '@/utils/core/format';
import { GO_ANYWAY_MINUTES } from '@/utils/core/gate';
import { NextStep } from './NextStep';
import type { CheckInActions } from './CommitmentCard';

export interface BlockActions extends CheckInActions {
  notNow(): void;
  goAnyway(minutes: number): Promise<Result<unknown>>;
}

/** Seconds of breathing before "go anyway" can be chosen: a small pause, not a punishment. */
export const BREATHING_SECONDS = 10;

/** The gentle gate: what you promised yourself, where you are, and three ways forward. */
export function BlockView({ views, host, now, actions, error, children }: {
  views: CommitmentView[];
  host: string;
  now: number;
  actions: BlockActions;
  error?: string | null;
  /** Below the ways forward: what partners have done today. */
  children?: preact.ComponentChildren;
}) {
  const [pauseEndsAt, setPauseEndsAt] = useState<number | null>(null);
  const breathing = pauseEndsAt !== null && now < pauseEndsAt;
  return (
    <main class="page block" data-testid="block-page">
      <p class="eyebrow">{host} can wait a little</p>
      {views.map((view) => {
        const { commitment: c, today } = view;
        return (
          <section class="card" key={c.id} data-testid="blocking-commitment">
            <h1>{c.title}</h1>
            {c.why && <p class="why">“{c.why}”</p>}
            <p class="meta" data-testid="progress">{formatProgress(today.progress)} today</p>
            {today.progress.unit === 'min' && <progress max={today.progress.target} value={today.progress.value} />}
            <NextStep view={view} now={now} actions={actions} />
          </section>
        );
      })}
      <div class="ways">
        <button class="quiet" data-testid="not-now" onClick={actions.notNow}>Not now</button>
        {pauseEndsAt === null && (
          <button class="quiet" data-testid="go-anyway" onClick={() => setPauseEndsAt(now + BREATHING_SECONDS * 1000)}>Go anyway…</button>
        )}
      </div>
      {breathing && (
        <section class="breathing" data-testid="breathing" role="timer" aria-live="polite">
          <div class="breath-circle" aria-hidden="true" />
          <p>Take a slow breath. {formatCountdown(pauseEndsAt - now)}</p>
        </section>
      )}
      {pauseEndsAt !== null && !breathing && (
        <section class="go-anyway" data-testid="go-anyway-choice">
          <p>Still want to go? It opens for a while, then the pause comes back.</p>
          {GO_ANYWAY_MINUTES.map((m) => (
            <button key={m} data-testid={`go-${m}`} onClick={() => void actions.goAnyway(m)}>Open for {m} minutes</button>
          ))}
        </section>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {children}
    </main>
  );
}
