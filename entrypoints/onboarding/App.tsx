import { useState } from 'preact/hooks';
import { deepWorkBeforeEmail } from '@/utils/core/presets';
import { saveFromForm } from '@/utils/browser/save-commitment';
import { CommitmentForm } from '@/components/CommitmentForm';

/**
 * First run: one preset, already filled in, so a newcomer commits in one click (or edits any field first).
 */
export function OnboardingApp() {
  const [created, setCreated] = useState<string | null>(null);
  return (
    <main class="page onboarding">
      <h1>Welcome to Tandem</h1>
      <p class="lead">
        Commitments work best when they are specific. Here is one that helps many people:
        do your deep work before the inbox gets a say. Until it is done, your webmail waits behind a gentle pause.
      </p>
      <section class="card preset" aria-labelledby="preset-title">
        <h2 id="preset-title">Deep work before email</h2>
        <p class="meta">60 minutes of focus, Monday to Friday, until 12:00. Change anything you like.</p>
        <CommitmentForm
          initial={deepWorkBeforeEmail()}
          submitLabel="Create commitment"
          onSave={async (draft) => {
            const result = await saveFromForm(draft);
            if (result.ok) setCreated(result.value.title);
            return result;
          }}
        />
      </section>
      {created && (
        <section class="card done" data-testid="onboarding-done" role="status">
          <h2>“{created}” is set.</h2>
          <p>Pin Tandem to your toolbar: its popup is your daily check-in, where you start a focus session.</p>
        </section>
      )}
      <p class="hint">Everything stays on this device. You can add more commitments in the options page.</p>
    </main>
  );
}
