// For test files of the "emulators" Vitest project (tests/rules, tests/sync): the emulator addresses provided by
// ./emulator-setup.ts, or null with the reason printed loudly. Use with describe.skipIf + skipNotice:
//
//   const firestore = firestoreEmulator();
//   skipNotice(firestore);                       // registers a visibly skipped "SKIPPED: <reason>" test when null
//   describe.skipIf(!firestore)('…', () => { … });
//
// Give each test file its own `demo-*` project id: files run in parallel against the same emulators, and data,
// rules (rules-unit-testing loads them per project) and accounts are kept per project.
import { inject, it } from 'vitest';
import type { EmulatorAddress } from './emulator-setup';

let reasonsPrinted = false;

function unavailable(which: 'firestore' | 'auth'): string {
  const reasons = inject('emulatorsUnavailable');
  return reasons[which] ?? `${which} emulator not provided (is this file outside the "emulators" Vitest project?)`;
}

function warn(reason: string): void {
  if (reasonsPrinted) return;
  reasonsPrinted = true;
  console.warn(`\n!!! EMULATOR TESTS SKIPPED — NOT PASSED: ${reason}\n`);
}

/** The Firestore emulator's address, or null (reason printed). */
export function firestoreEmulator(): EmulatorAddress | null {
  const address = inject('firestoreEmulator') ?? null;
  if (!address) warn(unavailable('firestore'));
  return address;
}

/** The Auth emulator's address, or null (reason printed). */
export function authEmulator(): EmulatorAddress | null {
  const address = inject('authEmulator') ?? null;
  if (!address) warn(unavailable('auth'));
  return address;
}

/** When an emulator is missing, register one skipped test whose name carries the reason, so reporters show it. */
export function skipNotice(...needed: [EmulatorAddress | null, 'firestore' | 'auth'][]): void {
  for (const [address, which] of needed) {
    if (!address) it.skip(`SKIPPED (emulator unavailable): ${unavailable(which)}`, () => {});
  }
}
