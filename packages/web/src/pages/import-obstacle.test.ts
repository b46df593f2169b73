import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { canImportInto, importObstacleOf } from './import-obstacle.ts';

describe('importObstacleOf', () => {
  it('reads a unit mismatch with what the file states', () => {
    const error = new ApiError(409, {
      error: {
        code: 'IMPORT_UNIT_MISMATCH',
        message: '文件中的主管部门“岳麓区征收事务中心”与您的单位不符。',
        context: {
          unitName: '开福区城市房屋征收和补偿管理办公室',
          departmentName: '开福区住房和城乡建设局',
          forms: [{ projectName: '岳麓征收经费', statedUnit: '', statedDepartment: '岳麓区征收事务中心' }, 'junk'],
        },
      },
    });
    expect(importObstacleOf(error)).toEqual({
      kind: 'unit-mismatch',
      message: '文件中的主管部门“岳麓区征收事务中心”与您的单位不符。',
      unitName: '开福区城市房屋征收和补偿管理办公室',
      departmentName: '开福区住房和城乡建设局',
      forms: [{ projectName: '岳麓征收经费', statedUnit: '', statedDepartment: '岳麓区征收事务中心' }],
    });
  });

  it('reads a duplicate with its existing record', () => {
    const existing = {
      evaluationId: 'e1',
      status: 'returned',
      version: 7,
      projectName: '征收工作经费',
      fiscalYear: 2022,
    };
    const error = new ApiError(409, {
      error: { code: 'DUPLICATE_PROJECT', message: '已有自评记录', context: { existing } },
    });
    expect(importObstacleOf(error)).toEqual({ kind: 'duplicate', message: '已有自评记录', existing });
    expect(canImportInto(existing)).toBe(true);
    expect(canImportInto({ ...existing, status: 'finance_review' })).toBe(false);
  });

  it.each([
    ['another error', new ApiError(409, { error: { code: 'CONFLICT', message: 'x' } })],
    ['a duplicate without its record', new ApiError(409, { error: { code: 'DUPLICATE_PROJECT', context: {} } })],
    ['not an API error', new Error('network')],
  ])('leaves %s to the plain failure message', (_, error) => {
    expect(importObstacleOf(error)).toBeNull();
  });
});
