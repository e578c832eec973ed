/**
 * A static file server for the built preview, on 127.0.0.1 only: the build output at `/`,
 * SLDS assets at `/assets/` straight from @salesforce-ux/design-system. GET and HEAD only;
 * paths outside those folders are refused.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project';

export const HOST = '127.0.0.1';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  /** The build output folder. */
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  root?: string;
}

/** The file a URL path names under `base`, or undefined when it escapes `base` or does not exist. */
export function fileUnder(base: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== base && !file.startsWith(`${base}${path.sep}`)) {
    return undefined;
  }
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const dir = path.resolve(options.dir);
  const assets = path.join(options.root ?? PROJECT_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
  if (!existsSync(path.join(dir, 'index.html'))) {
    return Promise.reject(new Error(`${dir} holds no built preview (index.html): build it first`));
  }
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    const file =
      urlPath === '/'
        ? path.join(dir, 'index.html')
        : urlPath.startsWith('/assets/')
          ? fileUnder(assets, urlPath.slice('/assets'.length))
          : urlPath.startsWith('/.work/')
            ? undefined
            : fileUnder(dir, urlPath);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${urlPath}\n`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HOST}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
