import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; status: number | null }
  | { state: 'ready'; data: T };

/** Loads once per key; `reload` fetches again. */
export const useApi = <T>(load: () => Promise<T>, key: string): Loaded<T> & { reload: () => void } => {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names what is loaded; load is a fresh closure each render
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    load().then(
      (data) => live && setLoaded({ state: 'ready', data }),
      (error: unknown) =>
        live &&
        setLoaded({
          state: 'error',
          message: errorMessage(error),
          status: typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : null,
        }),
    );
    return () => {
      live = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...loaded, reload };
};
