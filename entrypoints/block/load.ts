import { commitmentsGating, heldBackUrl, OPEN_GATE, type GateState } from '@/utils/core/gate';
import type { BlockPageData } from '@/utils/core/block-page';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/core/types';
import { send } from '@/utils/messages';
import { browser } from 'wxt/browser';
import { areaKey, FIRST_READ_KEYS } from '@/utils/storage-keys';
import { previewPage, type BlockPreview } from '@/utils/core/block-preview';
import { clockOf } from '@/utils/clock-of';
import { tr } from '@/utils/core/i18n';

/** What the block page paints first: the gate and settings as stored, and the worker's one answer. */
export interface FirstLoad {
  target: string;
  gate: GateState;
  settings: Settings;
  /** This visit's attempts (one per commitment holding the site). */
  attemptIds: string[];
  /** Null when the worker could not answer: the page then waits for its own database reads. */
  page: BlockPageData | null;
  /** When the answer came (the page's clock until it ticks). */
  at: number;
}

/** What block-early.js paints from the worker's preview, before the worker's answer and the app's modules. */
export interface EarlyPaint {
  target: string;
  page: BlockPageData;
}

export type Loaded = { kind: 'shell'; title: string } | { kind: 'open'; target: string } | ({ kind: 'held' } & FirstLoad);

type VisitState = { tandemAttempts?: string[] } | null;

/**
 * Started before anything renders (by block-early.js): one storage read (the gate, the settings and the worker's
 * block preview, from which `paintEarly` paints the first frame when it covers this visit; `firstFrameDecided` is
 * called next, painted or not), then one message. A new visit is recorded (block.arrive) and its attempt ids kept in
 * this history entry's state, so a reload (or coming back to the entry) is the same visit (block.view): no URL is sent
 * or written anywhere.
 */
export async function loadBlockPage(
  href: string,
  paintEarly?: (early: EarlyPaint) => void,
  firstFrameDecided?: () => void,
): Promise<Loaded> {
  // The page is web-accessible (the redirect needs that); never act inside another site's frame.
  if (window.top !== window) return { kind: 'shell', title: 'Tandem' };
  const target = heldBackUrl(href);
  if (!target) return { kind: 'shell', title: tr('block_nothing_to_go_back_to') };
  // One read for all three, without defining the storage items.
  const [gateKey, settingsKey, previewKey] = FIRST_READ_KEYS.map(areaKey) as [string, string, string];
  const read = await browser.storage.local.get([gateKey, settingsKey, previewKey]);
  const gate = (read[gateKey] ?? OPEN_GATE) as GateState;
  const settings = (read[settingsKey] ?? DEFAULT_SETTINGS) as Settings;
  const preview = (read[previewKey] ?? null) as BlockPreview | null;
  const gating = commitmentsGating(gate, target);
  if (gating.length === 0) return { kind: 'open', target };
  const stored = (history.state as VisitState)?.tandemAttempts;
  // The first frame from the preview when it covers the commitments holding this URL: no wait for the worker.
  const early = paintEarly ? previewPage(preview, gating, clockOf(settings, Date.now()), stored) : null;
  if (early) paintEarly!({ target, page: early });
  firstFrameDecided?.();
  try {
    if (stored) {
      const page = await send('block.view', { commitmentIds: gating, attemptIds: stored });
      return { kind: 'held', target, gate, settings, attemptIds: stored, page, at: Date.now() };
    }
    const { attempts, page } = await send('block.arrive', { commitmentIds: gating });
    const attemptIds = attempts.map((a) => a.id);
    history.replaceState({ ...(history.state as object | null), tandemAttempts: attemptIds }, '');
    return { kind: 'held', target, gate, settings, attemptIds, page, at: Date.now() };
  } catch (err) {
    console.error('Tandem: the block page could not reach the worker', err);
    return { kind: 'held', target, gate, settings, attemptIds: stored ?? [], page: early, at: Date.now() };
  }
}
