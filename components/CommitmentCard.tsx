import type { FocusActions } from './FocusControls';
import type { HabitActions } from './HabitControls';

/**
 * What a commitment's next step can do (the popup's rows, components/CommitmentRow.tsx, and the block page).
 * The card it was named for became the popup's compact row; the block page and the requirement UIs import it here.
 */
export interface CheckInActions extends FocusActions, HabitActions {}
