import { describe, expect, it } from 'vitest';
import { documentCache } from './document-cache.ts';

const documentOf = (size: number, label = '') => ({ label, bytes: new Uint8Array(size) });

describe('documentCache', () => {
  it('renders a document once and answers the same key from memory after', async () => {
    const cache = documentCache<ReturnType<typeof documentOf>>(1000);
    let renders = 0;
    const render = async () => documentOf(10, `render ${++renders}`);
    expect((await cache.get('a', render)).label).toBe('render 1');
    expect((await cache.get('a', render)).label).toBe('render 1');
    expect((await cache.get('b', render)).label).toBe('render 2');
    expect(cache.size()).toEqual({ documents: 2, bytes: 20 });
  });

  it('shares one render between concurrent misses of a key', async () => {
    const cache = documentCache<ReturnType<typeof documentOf>>(1000);
    let renders = 0;
    let finish: (document: ReturnType<typeof documentOf>) => void = () => undefined;
    const render = () => {
      renders += 1;
      return new Promise<ReturnType<typeof documentOf>>((resolve) => {
        finish = resolve;
      });
    };
    const waiting = [cache.get('a', render), cache.get('a', render), cache.get('a', render)];
    finish(documentOf(5, 'shared'));
    expect((await Promise.all(waiting)).map((document) => document.label)).toEqual(['shared', 'shared', 'shared']);
    expect(renders).toBe(1);
  });

  it('keeps no failure: the next request renders again', async () => {
    const cache = documentCache<ReturnType<typeof documentOf>>(1000);
    await expect(cache.get('a', () => Promise.reject(new Error('Chromium gone')))).rejects.toThrow('Chromium gone');
    expect((await cache.get('a', async () => documentOf(5, 'second try'))).label).toBe('second try');
  });

  it('holds at most maxBytes, dropping the least recently used first, and never keeps a document larger', async () => {
    const cache = documentCache<ReturnType<typeof documentOf>>(100);
    await cache.get('a', async () => documentOf(40, 'a'));
    await cache.get('b', async () => documentOf(40, 'b'));
    await cache.get('a', async () => documentOf(40, 'a again'));
    await cache.get('c', async () => documentOf(40, 'c'));
    expect(cache.size()).toEqual({ documents: 2, bytes: 80 });
    expect((await cache.get('a', async () => documentOf(40, 'a rendered again'))).label).toBe('a');
    expect((await cache.get('b', async () => documentOf(40, 'b rendered again'))).label).toBe('b rendered again');
    await cache.get('huge', async () => documentOf(101, 'huge'));
    expect(cache.size().bytes).toBeLessThanOrEqual(100);
    expect((await cache.get('huge', async () => documentOf(101, 'huge again'))).label).toBe('huge again');
  });
});
