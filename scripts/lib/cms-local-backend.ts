/**
 * The CMS's local backend (decap-server's file-system API), served on the site's own origin
 * at /_cms-local/api/v1 by `npm start` and `npm run dev`, never on a port of its own.
 *
 * decap-server alone serves the whole folder it is given with no login and accepts any Host,
 * so a web page in the staff member's browser (through DNS rebinding) or any local process
 * could read the submission key and the mail outbox, or write code. Here it sits behind a
 * guard: the Host must be this machine, the Origin must be the site, and every path in a
 * request must lie under the content folders or the uploads folder.
 */
import express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
// A bundled CommonJS module: Node sees only its default export.
import decapMiddlewares from 'decap-server/dist/middlewares.js';
import { CMS_LOCAL_API, CMS_LOCAL_BASE } from '../../src/lib/cms-local.ts';

export { CMS_LOCAL_API, CMS_LOCAL_BASE };

/** The only folders staff edit through the CMS: the content and uploaded pictures. */
export const CMS_WRITABLE_FOLDERS = ['content/', 'public/uploads/'];

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const ACTIONS = new Set([
  'info',
  'entriesByFolder',
  'entriesByFiles',
  'getEntry',
  'persistEntry',
  'getMedia',
  'getMediaFile',
  'persistMedia',
  'deleteFile',
  'deleteFiles',
  'getDeployPreview',
]);
/** Keys decap-server's file-system API reads as a file path, and as a folder. */
const FILE_KEYS = new Set(['path', 'newPath']);
const FOLDER_KEYS = new Set(['folder', 'mediaFolder']);

/**
 * True when `value`, as decap-server will read it, names something strictly inside an
 * editable folder (a folder may be the editable folder itself).
 */
export function isEditablePath(value: unknown, kind: 'file' | 'folder' = 'file'): boolean {
  if (typeof value !== 'string' || value === '' || value.includes('\0') || value.includes('\\')) return false;
  const relative = value.replace(/^\/+/, '');
  const normal = path.posix.normalize(relative);
  if (normal !== relative.replace(/\/+$/, '') && normal !== relative) return false;
  if (normal.split('/').includes('..')) return false;
  const asFolder = normal.endsWith('/') ? normal : `${normal}/`;
  if (kind === 'folder') return CMS_WRITABLE_FOLDERS.some((folder) => asFolder.startsWith(folder));
  return CMS_WRITABLE_FOLDERS.some((folder) => normal.startsWith(folder) && normal.length > folder.length);
}

/** Every path-like value in a request's params, wherever it is nested, with what it names. */
export function pathsIn(params: unknown): { value: unknown; kind: 'file' | 'folder' }[] {
  const found: { value: unknown; kind: 'file' | 'folder' }[] = [];
  // A stack, not recursion: a deeply nested body must not be able to exhaust the call stack.
  const stack: { value: unknown; key?: string }[] = [{ value: params }];
  while (stack.length) {
    const { value, key } = stack.pop()!;
    if (key === 'paths' && Array.isArray(value)) {
      for (const item of value) found.push({ value: item, kind: 'file' });
      continue;
    }
    if (key && FILE_KEYS.has(key)) found.push({ value, kind: 'file' });
    if (key && FOLDER_KEYS.has(key)) found.push({ value, kind: 'folder' });
    if (Array.isArray(value)) for (const item of value) stack.push({ value: item });
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, key: k });
    }
  }
  return found;
}

/**
 * decap-server moves every file in a path's folder when an entry is renamed (newPath), so a
 * rename may only stay within the folder it started in.
 */
function movesAcrossFolders(params: unknown): boolean {
  const entries: unknown[] = [];
  const p = (params ?? {}) as { entry?: unknown; dataFiles?: unknown };
  if (p.entry) entries.push(p.entry);
  if (Array.isArray(p.dataFiles)) entries.push(...p.dataFiles);
  return entries.some((entry) => {
    const { path: from, newPath: to } = (entry ?? {}) as { path?: unknown; newPath?: unknown };
    if (to === undefined) return false;
    if (typeof from !== 'string' || typeof to !== 'string') return true;
    const folder = (file: string) => path.posix.dirname(path.posix.normalize(file.replace(/^\/+/, '')));
    return folder(from) !== folder(to);
  });
}

export type CmsRequestCheck = { ok: true } | { ok: false; status: number; error: string };

/** Who is asking: this machine (by Host, against DNS rebinding) and the site's own pages (by Origin). */
export function checkCmsCaller(
  host: string | undefined,
  origin: string | undefined,
  siteOrigins: string[],
): CmsRequestCheck {
  let hostname = '';
  try {
    hostname = new URL(`http://${host ?? ''}`).hostname;
  } catch {
    /* refused below */
  }
  if (!LOCAL_HOSTS.has(hostname)) return { ok: false, status: 403, error: 'Only this machine may use the local CMS' };
  if (!origin || !siteOrigins.includes(origin)) {
    return { ok: false, status: 403, error: 'Only the site’s own pages may use the local CMS' };
  }
  return { ok: true };
}

/** What is asked: a known action, touching only paths inside the editable folders. */
export function checkCmsBody(request: unknown): CmsRequestCheck {
  const body = request as { action?: unknown; params?: unknown };
  if (typeof body !== 'object' || body === null || typeof body.action !== 'string' || !ACTIONS.has(body.action)) {
    return { ok: false, status: 422, error: 'Unknown action' };
  }
  const outside = {
    ok: false,
    status: 403,
    error: 'The local CMS may only read and write content and uploads',
  } as const;
  for (const { value, kind } of pathsIn(body.params)) {
    if (!isEditablePath(value, kind)) return outside;
  }
  if (movesAcrossFolders(body.params)) return outside;
  return { ok: true };
}

/**
 * A request handler for /_cms-local/…, writing to `repoDir`. `siteOrigins` gives the origins
 * the site is served on (they are known only once the server is listening).
 */
export async function createCmsLocalBackend(options: { repoDir: string; siteOrigins: () => string[] }) {
  const inner = express();
  inner.disable('x-powered-by');
  // The caller is checked before the body is even read; the body once it is parsed.
  inner.use((req, res, next) => {
    const check = checkCmsCaller(req.headers.host, req.headers.origin, options.siteOrigins());
    if (!check.ok) return void res.status(check.status).json({ error: check.error });
    next();
  });
  inner.use(express.json({ limit: '50mb' }));
  inner.use((req, res, next) => {
    if (req.method !== 'POST') return next();
    const check = checkCmsBody(req.body ?? {});
    if (!check.ok) return void res.status(check.status).json({ error: check.error });
    next();
  });
  // decap-server answers 500 for a file that is not there (a picture deleted by hand, a stale
  // link): that is a 404, said so.
  inner.use((req, res, next) => {
    const body = req.body as { action?: unknown; params?: { path?: unknown } } | undefined;
    const wanted = body?.action === 'getMediaFile' ? body.params?.path : undefined;
    if (typeof wanted === 'string' && !existsSync(path.join(path.resolve(options.repoDir), wanted)))
      return void res.status(404).json({ error: 'There is no such file' });
    next();
  });
  // decap-server reads the folder from the environment when it registers.
  const previous = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = path.resolve(options.repoDir);
  await decapMiddlewares.registerLocalFs(inner, { logLevel: 'warn' });
  if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
  else process.env.GIT_REPO_DIRECTORY = previous;

  const outer = express();
  outer.disable('x-powered-by');
  outer.use(CMS_LOCAL_BASE, inner);
  return (req: IncomingMessage, res: ServerResponse, next?: () => void) =>
    outer(req as express.Request, res as express.Response, next ?? (() => res.writeHead(404).end()));
}
