/** Common obstacles, each with a strategy to try: the person picks what they met; their own words go in the notes. */
export const OBSTACLES: { id: string; obstacle: string; strategy: string }[] = [
  { id: 'email-first', get obstacle() { return 'I opened email first thing'; }, get strategy() { return 'Start the focus session from the block page'; } },
  { id: 'meetings', get obstacle() { return 'Meetings took the time'; }, get strategy() { return 'Put the commitment in my calendar first, like a meeting'; } },
  { id: 'tired', get obstacle() { return 'I was too tired by the evening'; }, get strategy() { return 'Move it earlier, before the day fills up'; } },
  { id: 'phone', get obstacle() { return 'My phone pulled me away'; }, get strategy() { return 'Put the phone in another room for the session'; } },
  { id: 'too-big', get obstacle() { return 'It felt too big to start'; }, get strategy() { return 'Start with ten minutes: a start counts'; } },
  { id: 'forgot', get obstacle() { return 'I forgot'; }, get strategy() { return 'Turn on the reminder 30 minutes before the window closes'; } },
];
