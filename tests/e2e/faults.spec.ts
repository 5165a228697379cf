import { test, expect } from '@playwright/test';
import { ACTION_KINDS, runFaultCampaign } from '../support/faults.mjs';
import { EXTENSION_PATH } from './fixtures';

// The short fault campaign (issue 9; the long one: `node tests/support/faults.mjs --kills 100`): a person's actions
// of every kind through the real pages, the worker stopped 0–300 ms after each, then judged once the pages have
// settled. Nothing may be lost or doubled, no page may show a raw browser error, and the gate must agree with what
// is stored.
test('the worker stopped 0–300 ms after any action: nothing lost or doubled, no raw error, the gate as stored', async () => {
  test.setTimeout(300_000);
  const findings: string[] = [];
  const result = await runFaultCampaign({
    extensionPath: EXTENSION_PATH,
    kills: 28,
    seed: Number(process.env.TANDEM_FAULTS_SEED ?? 1),
    log: (line) => {
      if (/LOST|DUPLICATED|WRONG GATE|RAW ERROR|HARNESS ERROR|skipped|no stop observed/.test(line)) findings.push(line);
    },
  });
  const { kills, lost, duplicated, wrong_gate, raw_errors, skipped, harness_errors, seconds } = result;
  console.log(
    `fault campaign: ${JSON.stringify({ kills, lost, duplicated, wrong_gate, raw_errors, skipped, harness_errors, seconds })}\n` +
      (findings.length ? `${findings.join('\n')}\n` : '') +
      Object.entries(result.byAction)
        .map(([kind, a]) => `  ${kind}: ${a.kills} stops, ${a.lost} lost, ${a.duplicated} duplicated, ${a.wrong_gate} wrong gate, ${a.raw_errors} raw errors`)
        .join('\n'),
  );
  expect(kills).toBeGreaterThanOrEqual(28);
  // Every kind of action was done and followed by a stop.
  expect(ACTION_KINDS.filter((kind) => result.byAction[kind]!.kills === 0)).toEqual([]);
  expect({ lost, duplicated, wrong_gate, raw_errors, harness_errors }).toEqual({ lost: 0, duplicated: 0, wrong_gate: 0, raw_errors: 0, harness_errors: 0 });
});
