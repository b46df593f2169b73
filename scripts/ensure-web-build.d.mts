/** Whether packages/web/dist is missing or older than the web app's sources (or the engine's). */
export declare const webBuildIsStale: () => boolean;
/** Builds packages/web when stale; true when it built. */
export declare const ensureWebBuild: () => Promise<boolean>;
