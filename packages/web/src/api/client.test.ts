import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onPasswordChangeRequired, PASSWORD_CHANGE_REQUIRED } from './client.ts';

const answer = (status: number, body: unknown) =>
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status }));

describe('the password-change signal', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('tells the listeners the server explanation when a request is refused until the password is changed', async () => {
    const heard: string[] = [];
    const stop = onPasswordChangeRequired((message) => heard.push(message));
    answer(403, { error: { code: PASSWORD_CHANGE_REQUIRED, message: '密码已超过 90 天未修改，请先修改密码' } });
    await expect(api.get('/api/evaluations')).rejects.toBeInstanceOf(ApiError);
    answer(403, { error: { code: 'FORBIDDEN', message: '无权执行此操作' } });
    await expect(api.get('/api/users')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(heard).toEqual(['密码已超过 90 天未修改，请先修改密码']);
    stop();
    answer(403, { error: { code: PASSWORD_CHANGE_REQUIRED, message: '再次' } });
    await expect(api.get('/api/evaluations')).rejects.toMatchObject({ code: PASSWORD_CHANGE_REQUIRED });
    expect(heard).toHaveLength(1);
  });
});
