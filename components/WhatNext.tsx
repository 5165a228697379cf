import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_GO_ANYWAY_MINUTES } from '@/utils/core/go-anyway';
import { BREATHING_SECONDS } from './GoAnyway';
import { tr } from '@/utils/core/i18n';

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
      <p class="saved" data-testid="saved" role="status">{tr('what_next_is_set', { title })}</p>
      <h2 id="what-next-title" data-testid="what-next" tabIndex={-1} ref={heading}>{tr('what_next_what_next')}</h2>
      <ol class="next-steps">
        <li>
          <strong>{tr('what_next_pin_tandem_to_your_toolbar')}</strong> {' '}{tr('what_next_click_the_puzzle_piece_icon_at')}</li>
        {gates ? (
          <li data-testid="about-block-page">
            <strong>{tr('what_next_when_a_site_is_held_back')}</strong> {' '}{tr('what_next_until_the_commitment_is_done_for', { BREATHING_SECONDS, DEFAULT_GO_ANYWAY_MINUTES })}</li>
        ) : (
          <li data-testid="about-block-page">
            <strong>{tr('what_next_nothing_is_held_back')}</strong> {' '}{tr('what_next_a_habit_blocks_no_site_check_in')}</li>
        )}
        <li data-testid="about-partners">
          <strong>{tr('what_next_invite_a_partner')}</strong>{' '}
          {partnersHref ? (
            <>
              {tr('what_next_commitments_are_easier_to_keep')}<a href={partnersHref} data-testid="partners-link">{tr('what_next_tandems_options_under_partners')}</a>{tr('what_next_and_send_it_to_someone_you_trust')}</>
          ) : (
            <span data-testid="partner-off">{localOnly}</span>
          )}
        </li>
      </ol>
      <div class="actions">
        <button type="button" data-testid="make-another" onClick={onAnother}>{tr('what_next_make_another_commitment')}</button>
      </div>
    </section>
  );
}
