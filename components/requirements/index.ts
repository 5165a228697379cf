import type { ComponentChildren, JSX } from 'preact';
import { kindNamed, type Requirement } from '@/utils/core/requirements';
import type { CommitmentView } from '@/utils/core/today';
import type { CheckInActions } from '../CommitmentCard';
import { focusUi } from './focus';
import { siteTimeUi } from './site-time';
import { checkinUi } from './checkin';
import { habitUi } from './habit';
import { tr } from '@/utils/core/i18n';

/** A kind's part of the form: the requirement as typed so far (not validated yet), and its fields. */
export interface RequirementDraft<R extends Requirement = Requirement> {
  requirement: R;
  /** `choice` is this kind's radio when its group offers several kinds (else null); `active`, whether it is chosen. */
  fields(props: { active: boolean; choice: JSX.Element | null }): ComponentChildren;
}

export interface NextStepProps<R extends Requirement = Requirement> {
  requirement: R;
  view: CommitmentView;
  now: number;
  actions: CheckInActions;
}

/** A requirement kind's UI, next to its core (utils/core/requirements/), registered once in REQUIREMENT_UIS. */
export interface RequirementUi<R extends Requirement = Requirement> {
  readonly kind: R['kind'];
  /** The form's state for this kind, from a requirement of this kind: a hook, called on every render of the form. */
  useDraft(initial: R): RequirementDraft<R>;
  /** The action on a card or the block page that moves the commitment forward today, if any. */
  NextStep(props: NextStepProps<R>): JSX.Element | null;
  /** The next step stays on the card all day, also once done (a habit: more check-ins, undo, how it went). */
  readonly allDay?: boolean;
}

/** The kinds the form offers, in its order. Every core kind has one (tests/unit/architecture.test.ts). */
export const REQUIREMENT_UIS: readonly RequirementUi[] = [focusUi, siteTimeUi, checkinUi, habitUi];

/**
 * The form's first choice, a group of kinds by whether they gate (RequirementKind.gates): choosing a group chooses
 * its first kind; a group of several kinds offers a radio for each.
 */
export const KIND_GROUPS = [
  { gates: true, testId: 'type-gate', get label() { return tr('requirement_hold_sites_back_until_something'); }, get legend() { return tr('requirement_before_the_sites_open'); } },
  { gates: false, testId: 'type-habit', get label() { return tr('requirement_a_habit_like_three_workouts_a'); }, get legend() { return tr('requirement_how_often'); } },
] as const;

export function uiOf(kind: string): RequirementUi {
  const ui = REQUIREMENT_UIS.find((u) => u.kind === kind);
  if (!ui) throw new Error(`Requirement kind "${kind}" has no UI in components/requirements/.`);
  return ui;
}

/** The kinds of a group, in the form's order. */
export const kindsIn = (gates: boolean) => REQUIREMENT_UIS.filter((u) => kindNamed(u.kind).gates === gates);

/**
 * Every kind's draft, each from `initial` if it is of that kind, else from the kind's own initial value: switching
 * kinds and back keeps what was typed. The hooks run in the list's order on every render, as hooks must.
 */
export function useRequirementDrafts(initial: Requirement): Map<string, RequirementDraft> {
  return new Map(REQUIREMENT_UIS.map((ui) => [ui.kind, ui.useDraft(ui.kind === initial.kind ? initial : kindNamed(ui.kind).initial)]));
}
