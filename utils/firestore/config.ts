/**
 * Firebase settings come from the build's environment (`.env`, see `.env.example`); none → local-only.
 * Emulator hosts are for development and tests against the local emulators (a publisher leaves them out).
 */
export interface SyncConfig {
  apiKey: string;
  authDomain: string;
  projectId: string;
  appId: string;
  /** "host:port" of the Firestore and Auth emulators, when the build targets them. */
  firestoreEmulator?: string;
  authEmulator?: string;
}

export function syncConfigFrom(env: Record<string, string | undefined>): SyncConfig | null {
  const projectId = env.WXT_FIREBASE_PROJECT_ID?.trim();
  const apiKey = env.WXT_FIREBASE_API_KEY?.trim();
  if (!projectId || !apiKey) return null;
  return {
    apiKey,
    projectId,
    authDomain: env.WXT_FIREBASE_AUTH_DOMAIN?.trim() || `${projectId}.firebaseapp.com`,
    appId: env.WXT_FIREBASE_APP_ID?.trim() ?? '',
    firestoreEmulator: env.WXT_FIRESTORE_EMULATOR_HOST?.trim() || undefined,
    authEmulator: env.WXT_AUTH_EMULATOR_HOST?.trim() || undefined,
  };
}

/** This build's config (read once; Vite replaces these at build time). */
export const syncConfig: SyncConfig | null = syncConfigFrom({
  WXT_FIREBASE_PROJECT_ID: import.meta.env.WXT_FIREBASE_PROJECT_ID,
  WXT_FIREBASE_API_KEY: import.meta.env.WXT_FIREBASE_API_KEY,
  WXT_FIREBASE_AUTH_DOMAIN: import.meta.env.WXT_FIREBASE_AUTH_DOMAIN,
  WXT_FIREBASE_APP_ID: import.meta.env.WXT_FIREBASE_APP_ID,
  WXT_FIRESTORE_EMULATOR_HOST: import.meta.env.WXT_FIRESTORE_EMULATOR_HOST,
  WXT_AUTH_EMULATOR_HOST: import.meta.env.WXT_AUTH_EMULATOR_HOST,
});

export function hostPort(hostAndPort: string): { host: string; port: number } {
  const i = hostAndPort.lastIndexOf(':');
  return { host: hostAndPort.slice(0, i), port: Number(hostAndPort.slice(i + 1)) };
}
