import { browser } from 'wxt/browser';
import { commitmentsGating, type GateState } from '../core/gate';
import type { GateEffects } from '../services/gate';
import { gateStateItem } from '../settings';
import { ALARMS, browserAlarms } from './alarms';

/** The block page; a DNR redirect appends `#<original URL>`. */
export function blockPageUrl(): string {
  return browser.runtime.getURL('/block.html');
}

/** `swept` marks a tab the extension sent there itself (its history leads back to the gated page). */
export function blockPageFor(url: string, { swept = false } = {}): string {
  return `${blockPageUrl()}${swept ? '?swept' : ''}#${url}`;
}

/** The gate's only contact with declarativeNetRequest, alarms and tabs. */
export function browserGateEffects(): GateEffects {
  return {
    blockPageUrl: blockPageUrl(),
    async applyRules(rules) {
      const dnr = browser.declarativeNetRequest;
      const existing = await dnr.getDynamicRules();
      const same = JSON.stringify(existing.map(comparableRule)) === JSON.stringify(rules.map(comparableRule));
      if (same) return;
      await dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules as never });
    },
    publish: (state) => gateStateItem.setValue(state),
    published: () => gateStateItem.getValue(),
    scheduleAt: (when) => browserAlarms.at(ALARMS.gate, when),
    sweepTabs,
  };
}

/**
 * Sends tabs already showing a gated site to the block page. Tab URLs are visible only for hosts the
 * extension has access to, which are exactly the gated ones.
 */
export async function sweepTabs(state: GateState, tabs?: { id?: number; url?: string }[]): Promise<void> {
  if (state.closed.length === 0) return;
  const list = tabs ?? (await browser.tabs.query({}));
  await Promise.all(
    list
      .filter((t) => t.id !== undefined && t.url && commitmentsGating(state, t.url).length > 0)
      .map((t) => browser.tabs.update(t.id!, { url: blockPageFor(t.url!, { swept: true }) }).catch(() => undefined)),
  );
}

/** The focused tab, swept when it is activated, its window focused, or its page restored from history. */
export async function sweepActiveTab(state: GateState): Promise<void> {
  await sweepTabs(state, await browser.tabs.query({ active: true, lastFocusedWindow: true }));
}

/** Compare rules by their meaningful fields (the browser may echo them back with extra defaults). */
function comparableRule(rule: { id: number; priority?: number; action: unknown; condition: unknown }) {
  const c = rule.condition as Record<string, unknown>;
  return { id: rule.id, priority: rule.priority, action: rule.action, regex: c.regexFilter };
}
