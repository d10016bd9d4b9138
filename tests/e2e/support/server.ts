/**
 * A local HTTP server that answers by Host header, so each fixture is served under its outlet's
 * real host name (Chromium maps those names to 127.0.0.1).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  /** Full URL without port, e.g. http://www.indozone.id/news/x */
  url: string;
  file?: string;
  body?: string;
  type?: string;
}

export interface SiteServer {
  port: number;
  /** The URL to open in the browser (with the server's port). */
  urlFor(url: string): string;
  hosts: string[];
  close(): Promise<void>;
}

export async function serveSites(routes: Route[], onRequest?: (req: http.IncomingMessage) => void): Promise<SiteServer> {
  const table = new Map<string, Route>();
  for (const r of routes) {
    const u = new URL(r.url);
    table.set(`${u.hostname}${u.pathname}${u.search}`, r);
  }
  const server = http.createServer((req, res) => {
    onRequest?.(req);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = table.get(`${host}${req.url}`);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = route.body ?? fs.readFileSync(route.file!);
    res.writeHead(200, { 'content-type': route.type ?? 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hosts: [...new Set(routes.map((r) => new URL(r.url).hostname))],
    urlFor(url) {
      const u = new URL(url);
      u.port = String(port);
      return u.toString();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
