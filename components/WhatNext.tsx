import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_GO_ANYWAY_MINUTES } from '@/utils/core/go-anyway';
import { BREATHING_SECONDS } from './GoAnyway';

export interface WhatNextProps {
  /** The commitment just made. */
  title: string;
  /** Whether it holds sites back (else a habit: nothing is held back, it is checked in from the popup). */
  gates: boolean;
  /** Where partners are invited (the options page's Partners section), or null in a build without partner sync. */
  partnersHref: string | null;
  /** What a build without partner sync says instead. */
  localOnly: string;
  onAnother(): void;
}

/**
 * After Create, in place of the form: the commitment is set, and the three things to do next. It takes the focus
 * (its heading) and scrolls to the top of itself, so the confirmation is in view and a screen reader starts there.
 */
export function WhatNext({ title, gates, partnersHref, localOnly, onAnother }: WhatNextProps) {
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section class="card done what-next" data-testid="onboarding-done" aria-labelledby="what-next-title" ref={section}>
      <p class="saved" data-testid="saved" role="status">“{title}” is set.</p>
      <h2 id="what-next-title" data-testid="what-next" tabIndex={-1} ref={heading}>What next</h2>
      <ol class="next-steps">
        <li>
          <strong>Pin Tandem to your toolbar.</strong> Click the puzzle-piece icon at the top right of the browser, then
          the pin beside Tandem. Its popup is your daily check-in: each commitment's day and the next thing to do.
        </li>
        {gates ? (
          <li data-testid="about-block-page">
            <strong>When a site is held back.</strong> Until the commitment is done for the day, opening one of its sites
            shows Tandem's pause page instead. From there you can do what it asks, or take a {BREATHING_SECONDS}-second
            breath and open the site anyway for {DEFAULT_GO_ANYWAY_MINUTES} minutes (a setting you can change). Once it's done, the
            sites open as usual.
          </li>
        ) : (
          <li data-testid="about-block-page">
            <strong>Nothing is held back.</strong> A habit blocks no site: check in from the popup each time you've done it.
          </li>
        )}
        <li data-testid="about-partners">
          <strong>Invite a partner.</strong>{' '}
          {partnersHref ? (
            <>
              Commitments are easier to keep together. Create an invite code in{' '}
              <a href={partnersHref} data-testid="partners-link">Tandem's options, under Partners</a>, and send it to
              someone you trust: you'll see each other's streaks, never what you browse.
            </>
          ) : (
            <span data-testid="partner-off">{localOnly}</span>
          )}
        </li>
      </ol>
      <div class="actions">
        <button type="button" data-testid="make-another" onClick={onAnother}>Make another commitment</button>
      </div>
    </section>
  );
}
