// Types for ./fixture-server.mjs, generated from its JSDoc (see README.md here for the command). Keep in sync.
/**
 * Start the fixture server on a random free loopback port.
 * Any path answers 200 with `<title>Fixture HOST</title><h1 data-testid="fixture">HOST PATH</h1>`.
 * @returns {Promise<FixtureServer>}
 */
export function startFixtureServer(): Promise<FixtureServer>;
export type FixtureRequest = {
    /**
     * Host header without the port, lower-cased ('' if absent).
     */
    host: string;
    method: string;
    /**
     * Path and query as sent (the fragment never reaches a server).
     */
    url: string;
    /**
     * Whether it arrived over TLS.
     */
    tls: boolean;
    /**
     * Date.now() when the request arrived.
     */
    at: number;
};
export type FixtureServer = {
    /**
     * The loopback port (127.0.0.1) serving HTTP and HTTPS.
     */
    port: number;
    /**
     * Every request since start or the last reset(), oldest first.
     */
    requests: FixtureRequest[];
    /**
     * Number of recorded requests for that host (case-insensitive).
     */
    countFor: (host: string) => number;
    /**
     * Forget the recorded requests.
     */
    reset: () => void;
    /**
     * Stop listening, drop open connections, delete the temp cert dir.
     */
    close: () => Promise<void>;
};
