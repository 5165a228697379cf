import type { CheckinRequirement } from '@/utils/core/requirements/checkin';
import type { RequirementUi } from './index';

/** "I did it": nothing to type in the form; one button on a card or the block page. */
export const checkinUi: RequirementUi<CheckinRequirement> = {
  kind: 'checkin',
  useDraft: () => ({
    requirement: { kind: 'checkin' },
    fields: ({ choice }) => (
      <label class="inline">
        {choice}
        a check-in: “I did it”
      </label>
    ),
  }),
  NextStep: ({ view, actions }) => (
    <button class="primary" data-testid="check-in" onClick={() => actions.checkIn(view.commitment.id)}>I did it</button>
  ),
};
