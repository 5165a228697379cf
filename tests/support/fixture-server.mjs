// A local stand-in for real sites (mail.google.com, outlook.office.com, …) in browser tests and the benchmark.
// One loopback port speaks both plain HTTP and HTTPS: the first byte of each connection decides
// (0x16 = TLS handshake record → HTTPS server, anything else → HTTP server). Chromium is pointed at it with
// `--host-resolver-rules=MAP mail.google.com 127.0.0.1:PORT` and `--ignore-certificate-errors` (see launch.mjs).
// TLS is needed because google.com is HSTS-preloaded: http://mail.google.com is upgraded to https.
// The self-signed certificate is generated at startup with the `openssl` CLI into a temp dir (no key in the repo).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * @typedef {object} FixtureRequest
 * @property {string} host   Host header without the port, lower-cased ('' if absent).
 * @property {string} method
 * @property {string} url    Path and query as sent (the fragment never reaches a server).
 * @property {boolean} tls   Whether it arrived over TLS.
 * @property {number} at     Date.now() when the request arrived.
 */

/**
 * @typedef {object} FixtureServer
 * @property {number} port               The loopback port (127.0.0.1) serving HTTP and HTTPS.
 * @property {FixtureRequest[]} requests Every request since start or the last reset(), oldest first.
 * @property {(host: string) => number} countFor  Number of recorded requests for that host (case-insensitive).
 * @property {() => void} reset          Forget the recorded requests.
 * @property {() => Promise<void>} close Stop listening, drop open connections, delete the temp cert dir.
 */

/** @param {string} s */
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** @param {string} dir */
function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=tandem-fixture',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (err) {
    throw new Error(
      `fixture-server: could not generate a self-signed certificate with the openssl CLI ` +
        `(apt-get install openssl): ${/** @type {Error} */ (err).message}`,
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Start the fixture server on a random free loopback port.
 * Any path answers 200 with `<title>Fixture HOST</title><h1 data-testid="fixture">HOST PATH</h1>`.
 * @returns {Promise<FixtureServer>}
 */
export async function startFixtureServer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-fixture-'));
  const { key, cert } = makeCertificate(dir);

  /** @type {FixtureRequest[]} */
  const requests = [];

  /** @type {http.RequestListener} */
  const handler = (req, res) => {
    const rawHost = req.headers.host ?? '';
    // Strip the port (and IPv6 brackets keep their form: [::1]:443 → [::1]).
    const host = rawHost.replace(/:\d+$/, '').toLowerCase();
    const url = req.url ?? '/';
    requests.push({ host, method: req.method ?? 'GET', url, tls: Boolean(/** @type {any} */ (req.socket).encrypted), at: Date.now() });
    const pathOnly = url.split('?')[0] ?? '/';
    const body =
      `<!doctype html><meta charset="utf-8"><title>Fixture ${escapeHtml(host)}</title>` +
      `<h1 data-testid="fixture">${escapeHtml(host)} ${escapeHtml(pathOnly)}</h1>`;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const httpServer = http.createServer(handler);
  const httpsServer = https.createServer({ key, cert, ALPNProtocols: ['http/1.1'] }, handler);
  for (const s of [httpServer, httpsServer]) {
    s.keepAliveTimeout = 2000;
    s.on('clientError', (_err, socket) => socket.destroy());
  }
  httpsServer.on('tlsClientError', () => {});

  /** @type {Set<net.Socket>} */
  const sockets = new Set();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Peek at the first chunk, put it back, and hand the untouched stream to the right server.
    socket.once('data', (chunk) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === 0x16 ? httpsServer : httpServer).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });

  await new Promise((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = front.address();
  if (!address || typeof address === 'string') throw new Error('fixture-server: no port');

  let closed = false;
  return {
    port: address.port,
    requests,
    countFor(host) {
      const h = host.toLowerCase();
      return requests.filter((r) => r.host === h).length;
    },
    reset() {
      requests.length = 0;
    },
    async close() {
      if (closed) return;
      closed = true;
      const done = new Promise((resolve) => front.close(() => resolve(undefined)));
      for (const s of sockets) s.destroy();
      httpServer.closeAllConnections();
      httpsServer.closeAllConnections();
      await done;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
