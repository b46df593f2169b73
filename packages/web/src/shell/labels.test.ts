import { ROLES, waitingStatuses } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { WAITING_ON } from './labels.ts';

describe('WAITING_ON', () => {
  it.each(ROLES)("mirrors the workflow's statuses waiting on %s", (role) => {
    expect(WAITING_ON[role]).toEqual(waitingStatuses(role));
  });
});
