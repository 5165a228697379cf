import { useState } from 'preact/hooks';
import type { Commitment } from '@/utils/core/types';
import { kindOf } from '@/utils/core/requirements';
import { blankCommitment, deepWorkBeforeEmail } from '@/utils/core/presets';
import { saveFromForm } from '@/utils/browser/save-commitment';
import { syncConfig } from '@/utils/firestore/config';
import { CommitmentForm } from '@/components/CommitmentForm';
import { LOCAL_ONLY } from '@/components/partners-data';
import { WhatNext } from '@/components/WhatNext';
import { tr } from '@/utils/core/i18n';

/** Where the "what next" step sends a person to invite a partner. */
const PARTNERS_HREF = '/options.html#partners';

type Step =
  | { at: 'form'; first: boolean; round: number }
  | { at: 'next'; made: Commitment; round: number };

/**
 * First run: one preset, already filled in, so a newcomer commits in one click (or edits any field first). Create
 * makes one commitment and the page moves on to "what next", in place of the form: there is no form left to send
 * twice. "Make another commitment" starts a fresh, empty form.
 */
export function OnboardingApp() {
  const [step, setStep] = useState<Step>({ at: 'form', first: true, round: 0 });
  return (
    <main class="page onboarding">
      <h1>{tr('onboarding_welcome_to_tandem')}</h1>
      {step.at === 'form' ? (
        <>
          {step.first && (
            <p class="lead">
              {tr('onboarding_commitments_work_best_when_they')}</p>
          )}
          <section class="card preset" aria-labelledby="form-title" key={step.round}>
            <h2 id="form-title">{step.first ? tr('onboarding_deep_work_before_email') : tr('onboarding_another_commitment')}</h2>
            {step.first && <p class="hint">{tr('onboarding_change_anything_you_like')}</p>}
            <CommitmentForm
              initial={step.first ? deepWorkBeforeEmail() : blankCommitment()}
              submitLabel="Create commitment"
              focusFirstField={!step.first}
              onSave={async (draft) => {
                const result = await saveFromForm(draft);
                if (result.ok) setStep({ at: 'next', made: result.value, round: step.round + 1 });
                return result;
              }}
            />
          </section>
        </>
      ) : (
        <WhatNext
          title={step.made.title}
          gates={kindOf(step.made.requirement).gates}
          partnersHref={syncConfig ? PARTNERS_HREF : null}
          localOnly={LOCAL_ONLY()}
          onAnother={() => setStep({ at: 'form', first: false, round: step.round + 1 })}
        />
      )}
      <p class="hint">{tr('onboarding_what_you_browse_stays_on_this')}</p>
    </main>
  );
}
