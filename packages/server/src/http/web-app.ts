import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundHandler } from './errors.ts';

/** Where `vite build packages/web` writes the browser app. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Hashed build output never changes under its name; index.html must always be fetched fresh. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** The file under root a URL path names, or null when it names none (or tries to leave root). */
export const staticFileFor = (root: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = normalize(decoded).replace(/^([/\\])+/, '');
  const absolute = resolve(root, relativePath);
  const inside = relative(root, absolute);
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..')) return null;
  if (inside.split(sep).some((part) => part.startsWith('.'))) return null;
  return existsSync(absolute) && statSync(absolute).isFile() ? inside.split(sep).join('/') : null;
};

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>绩效 — 网页端尚未构建</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.7">
<h1>网页端尚未构建</h1><p>服务器正在运行，API 可用（<a href="/api/docs">/api/docs</a>），但网页端的构建结果不存在。</p>
<p>请在项目目录运行 <code>npm run build:web</code> 后重启服务器，或直接用 <code>npm start</code>（它会先构建网页端再启动）。</p>`;

/**
 * Without a build, a page request gets a page saying how to build one (and the log says so at start), not a
 * JSON 404 that looks like a broken server; API paths keep their JSON 404.
 */
const registerMissingBuild = (app: FastifyInstance, root: string): void => {
  app.log.warn({ webRoot: root }, '网页端尚未构建（缺少 index.html）：请运行 npm run build:web；目前只提供 API');
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if ((request.method !== 'GET' && request.method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) {
      return notFoundHandler(request, reply);
    }
    return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
  });
};

/**
 * Serves the built web app at / with a single-page fallback: any GET that is not /api and names no file gets
 * index.html, so the browser's router takes over. It lives in the not-found handler so that the route table
 * (and its authorization matrix) holds API routes only. Without the build output, pages say how to build it.
 */
export const registerWebApp = async (app: FastifyInstance, root: string): Promise<boolean> => {
  if (!existsSync(join(root, 'index.html'))) {
    registerMissingBuild(app, root);
    return true;
  }
  // Every page load of the single-page app starts with index.html: held in memory, not read per request.
  // A rebuild while the server runs is picked up at the next start (npm start rebuilds before serving).
  const indexHtml = readFileSync(join(root, 'index.html'));
  // preCompressed: the build writes .br and .gz copies beside each asset (packages/web/build/precompress.ts); a
  // browser that accepts one gets it, with Vary: accept-encoding, and nothing is compressed per request.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false, preCompressed: true });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if ((request.method !== 'GET' && request.method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) {
      return notFoundHandler(request, reply);
    }
    const file = staticFileFor(root, path);
    if (file && file !== 'index.html') {
      return reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : REVALIDATE).sendFile(file);
    }
    return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(indexHtml);
  });
  return true;
};
