import type { CheckinRequirement } from '@/utils/core/requirements/checkin';
import type { RequirementUi } from './index';
import { tr } from '@/utils/core/i18n';

/** "I did it": nothing to type in the form; one button on a card or the block page. */
export const checkinUi: RequirementUi<CheckinRequirement> = {
  kind: 'checkin',
  useDraft: () => ({
    requirement: { kind: 'checkin' },
    fields: ({ choice }) => (
      <label class="inline">
        {choice}{tr('requirement_a_check_in_i_did_it')}</label>
    ),
  }),
  NextStep: ({ view, actions }) => (
    <button class="primary" data-testid="check-in" onClick={() => actions.checkIn(view.commitment.id)}>{tr('requirement_i_did_it')}</button>
  ),
};
