/** The packages compiled to dist/ by scripts/build.mjs. */
export declare const COMPILED_PACKAGES: readonly string[];
export declare const newestSourceTime: () => number;
export declare const buildIsStale: () => boolean;
/** Compiles what is stale (everything with `clean`); resolves to how many files were written. */
export declare const build: (options?: { clean?: boolean }) => Promise<number>;
