import { createReadStream, existsSync, promises as fs } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { problem } from './http';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * The file under `root` a URL path names, or undefined for a path that leaves it; a path with
 * no file extension is a page of the app (index.html: the app routes in the browser).
 */
export const fileOf = (root: string, pathname: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).includes('..')) return undefined;
  if (relative === '' || extname(relative) === '') return join(root, 'index.html');
  const file = join(root, relative);
  return file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`) ? file : undefined;
};

/** The built web app: hashed assets cached for good, index.html revalidated every time. */
export class StaticFiles {
  constructor(private readonly root: string) {}

  ready(): boolean {
    return existsSync(join(this.root, 'index.html'));
  }

  async serve(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const file = fileOf(this.root, pathname);
    const stat = file === undefined ? undefined : await fs.stat(file).catch(() => undefined);
    if (file === undefined || stat === undefined || !stat.isFile())
      return problem(response, 404, 'Not Found', `nothing at ${pathname}`);
    const hashed = file.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(file).pipe(response);
  }
}
