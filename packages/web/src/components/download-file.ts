/**
 * The file name a server gave in Content-Disposition: the UTF-8 `filename*` when present (Chinese names), else the
 * plain `filename`; null when it names none.
 */
export const fileNameFromDisposition = (header: string | null): string | null => {
  if (!header) return null;
  const extended = header.match(/filename\*\s*=\s*UTF-8''([^;]+)/iu)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  return header.match(/filename\s*=\s*"([^"]*)"/iu)?.[1] ?? header.match(/filename\s*=\s*([^;\s]+)/iu)?.[1] ?? null;
};

/** The message of a failed download, from the API's error body when it has one. */
export const downloadErrorMessage = async (response: Response): Promise<string> => {
  const body: unknown = await response.json().catch(() => null);
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error: unknown = body.error;
    if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string')
      return error.message;
  }
  return `下载失败（HTTP ${response.status}），请稍后重试`;
};

/** Hands fetched bytes to the browser as a download under the given name. */
export const saveBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has taken the bytes once the click is handled; the URL is released after it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
