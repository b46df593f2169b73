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

/**
 * Serves the built web app at / with a single-page fallback: any GET that is not /api and names no file gets
 * index.html, so the browser's router takes over. It lives in the not-found handler so that the route table
 * (and its authorization matrix) holds API routes only. Does nothing when the build output is missing.
 */
export const registerWebApp = async (app: FastifyInstance, root: string): Promise<boolean> => {
  if (!existsSync(join(root, 'index.html'))) return false;
  // Every page load of the single-page app starts with index.html: held in memory, not read per request.
  // A rebuild while the server runs is picked up at the next start (npm start rebuilds before serving).
  const indexHtml = readFileSync(join(root, 'index.html'));
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
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
