/** Common obstacles, each with a strategy to try: the person picks what they met; their own words go in the notes. */
export const OBSTACLES: { id: string; obstacle: string; strategy: string }[] = [
  { id: 'email-first', obstacle: 'I opened email first thing', strategy: 'Start the focus session from the block page' },
  { id: 'meetings', obstacle: 'Meetings took the time', strategy: 'Put the commitment in my calendar first, like a meeting' },
  { id: 'tired', obstacle: 'I was too tired by the evening', strategy: 'Move it earlier, before the day fills up' },
  { id: 'phone', obstacle: 'My phone pulled me away', strategy: 'Put the phone in another room for the session' },
  { id: 'too-big', obstacle: 'It felt too big to start', strategy: 'Start with ten minutes: a start counts' },
  { id: 'forgot', obstacle: 'I forgot', strategy: 'Turn on the reminder 30 minutes before the window closes' },
];
