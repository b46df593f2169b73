/**
 * Rendered documents by key, kept while they fit in `maxBytes` (least recently used out first). Concurrent
 * misses of one key share one render; a render that fails is not kept. For documents of frozen revisions
 * only: an entry is never stale, so nothing expires it.
 */
export const documentCache = <T extends { bytes: Uint8Array }>(maxBytes: number) => {
  const kept = new Map<string, T>();
  const rendering = new Map<string, Promise<T>>();
  let bytes = 0;

  const keep = (key: string, document: T) => {
    if (document.bytes.byteLength > maxBytes) return;
    kept.set(key, document);
    bytes += document.bytes.byteLength;
    for (const [oldest, entry] of kept) {
      if (bytes <= maxBytes) break;
      kept.delete(oldest);
      bytes -= entry.bytes.byteLength;
    }
  };

  const get = (key: string, render: () => Promise<T>): Promise<T> => {
    const hit = kept.get(key);
    if (hit) {
      kept.delete(key);
      kept.set(key, hit);
      return Promise.resolve(hit);
    }
    const running = rendering.get(key);
    if (running) return running;
    const started = render().then(
      (document) => {
        rendering.delete(key);
        keep(key, document);
        return document;
      },
      (error: unknown) => {
        rendering.delete(key);
        throw error;
      },
    );
    rendering.set(key, started);
    return started;
  };

  return { get, size: () => ({ documents: kept.size, bytes }) };
};
