/** The one way the web app talks to the server: JSON over fetch, the session cookie, CSRF echoed. */

/** The server's error body: `{ error: { code, message, fields? } }`, messages in Chinese. */
export type ApiErrorBody = {
  error?: { code?: string; message?: string; fields?: Record<string, string>; context?: Record<string, unknown> };
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** What the server offers for a way forward (e.g. the existing record of a duplicate import). */
  readonly context: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.error?.message ?? `请求失败（HTTP ${status}）`);
    this.status = status;
    this.code = body.error?.code ?? 'HTTP_ERROR';
    this.fields = body.error?.fields ?? {};
    this.context = body.error?.context ?? {};
  }
}

/** A message for people: the server's own, with the fields it names. */
export const errorMessage = (error: unknown): string => {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields = Object.entries(error.fields).map(([field, message]) => `${field}：${message}`);
  return fields.length > 0 ? `${error.message}（${fields.join('；')}）` : error.message;
};

/** The code of every answer refused until the password is changed (expired, or set by an admin). */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

type PasswordChangeListener = (message: string) => void;

const passwordChangeListeners = new Set<PasswordChangeListener>();

/**
 * Runs `listener` with the server's explanation whenever a request is refused until the password is changed,
 * wherever it was made; the signed-in frame sends the person to the password page. Returns the unsubscribe.
 */
export const onPasswordChangeRequired = (listener: PasswordChangeListener): (() => void) => {
  passwordChangeListeners.add(listener);
  return () => {
    passwordChangeListeners.delete(listener);
  };
};

const CSRF_COOKIE = 'jixiao_csrf';

/** The CSRF token the server set as a readable cookie at login; state-changing requests echo it. */
export const csrfToken = (cookies: string = typeof document === 'undefined' ? '' : document.cookie): string => {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return '';
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { error: { message: text } };
  }
};

export const request = async <T>(method: Method, url: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, { error: { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' } });
  }
  const parsed = await readBody(response);
  if (!response.ok) {
    const error = new ApiError(response.status, (parsed ?? {}) as ApiErrorBody);
    if (error.code === PASSWORD_CHANGE_REQUIRED)
      for (const listener of passwordChangeListeners) listener(error.message);
    throw error;
  }
  return parsed as T;
};

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body),
};

/** Query string from defined values only. */
export const query = (params: Record<string, string | number | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};
