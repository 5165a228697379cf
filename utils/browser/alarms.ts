import { browser } from 'wxt/browser';
import { now } from './clock';
import { ALARMS, type AlarmName, type Alarms } from '../services/alarms';

export { ALARMS, type AlarmName };

/** The alarms API behind the services' `Alarms`. */
export const browserAlarms: Alarms = {
  async at(name, when) {
    await browser.alarms.create(name, { when: Math.max(when, now() + 1000) });
  },
  async atUnlessSet(name, when) {
    if (!(await browser.alarms.get(name))) await browserAlarms.at(name, when);
  },
  async every(name, minutes, on) {
    const existing = await browser.alarms.get(name);
    if (on && !existing) await browser.alarms.create(name, { periodInMinutes: minutes, delayInMinutes: Math.min(1, minutes) });
    if (!on && existing) await browser.alarms.clear(name);
  },
  async clear(name) {
    await browser.alarms.clear(name);
  },
};

/** The one alarm listener: registered synchronously at start-up, so an alarm wakes a stopped worker. */
export function onAlarm(react: (name: AlarmName) => Promise<unknown>): void {
  const known = new Set<string>(Object.values(ALARMS));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (known.has(alarm.name)) void react(alarm.name as AlarmName).catch((e: unknown) => console.error(`Tandem: alarm ${alarm.name}`, e));
  });
}
