import { describe, expect, it } from 'vitest';
import { generateForm } from '../../testing/generate-form.ts';
import { AppError } from '../errors.ts';
import { emptyForm } from './form.ts';
import { CURRENT_FORM_VERSION, upgradeForm } from './upgrade-form.ts';

const refusedWith = (raw: unknown, text: RegExp) => {
  let caught: unknown;
  try {
    upgradeForm(raw);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect(caught).toMatchObject({ code: 'STORED_FORM_INVALID', status: 500 });
  expect((caught as AppError).message).toMatch(text);
};

describe('upgradeForm', () => {
  it('reads a current form as it is', () => {
    const form = { ...generateForm(3), formKind: 'unscored' as const, complete: false };
    expect(upgradeForm(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it('upgrades a version-1 form stored before formKind and complete existed to a complete self-evaluation', () => {
    const { formKind: _kind, complete: _complete, ...older } = generateForm(4);
    const upgraded = upgradeForm(JSON.parse(JSON.stringify(older)));
    expect(upgraded).toEqual({ ...generateForm(4), formKind: 'self-evaluation', complete: true });
    expect(upgraded.formVersion).toBe(CURRENT_FORM_VERSION);
  });

  it('refuses a version newer than this code, or none at all, with a coded error', () => {
    refusedWith({ ...emptyForm(), formVersion: CURRENT_FORM_VERSION + 1 }, /版本 2 比本系统支持的版本 1 新/);
    const { formVersion: _version, ...unversioned } = emptyForm();
    refusedWith(unversioned, /formVersion）无效：缺失/);
    refusedWith({ ...emptyForm(), formVersion: '1' }, /formVersion）无效："1"/);
    refusedWith({ ...emptyForm(), formVersion: 0 }, /formVersion）无效：0/);
  });

  it('refuses what the schema refuses, naming the fields, instead of handing a malformed form on', () => {
    refusedWith(null, /不是自评表对象/);
    refusedWith([emptyForm()], /不是自评表对象/);
    refusedWith({ ...emptyForm(), indicators: [{ name: 1 }] }, /indicators\[0\]/);
    refusedWith({ ...emptyForm(), funds: undefined }, /\.funds/);
    refusedWith({ ...emptyForm(), injected: true }, /injected/);
  });
});
