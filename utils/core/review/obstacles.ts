import { tr } from '../i18n';
/** Common obstacles, each with a strategy to try: the person picks what they met; their own words go in the notes. */
export const OBSTACLES: { id: string; obstacle: string; strategy: string }[] = [
  { id: 'email-first', get obstacle() { return tr('obstacles_i_opened_email_first_thing'); }, get strategy() { return tr('obstacles_start_the_focus_session_from_the'); } },
  { id: 'meetings', get obstacle() { return tr('obstacles_meetings_took_the_time'); }, get strategy() { return tr('obstacles_put_the_commitment_in_my'); } },
  { id: 'tired', get obstacle() { return tr('obstacles_i_was_too_tired_by_the_evening'); }, get strategy() { return tr('obstacles_move_it_earlier_before_the_day'); } },
  { id: 'phone', get obstacle() { return tr('obstacles_my_phone_pulled_me_away'); }, get strategy() { return tr('obstacles_put_the_phone_in_another_room'); } },
  { id: 'too-big', get obstacle() { return tr('obstacles_it_felt_too_big_to_start'); }, get strategy() { return tr('obstacles_start_with_ten_minutes_a_start'); } },
  { id: 'forgot', get obstacle() { return tr('obstacles_i_forgot'); }, get strategy() { return tr('obstacles_turn_on_the_reminder_30_minutes'); } },
];
