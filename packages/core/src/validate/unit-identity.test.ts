import { describe, expect, it } from 'vitest';
import { checkUnitIdentity } from './unit-identity.ts';

const KAIFU = { unitName: '开福区城市房屋征收和补偿管理办公室', departmentName: '开福区住房和城乡建设局' };

describe('checkUnitIdentity', () => {
  it.each([
    ['the seed: blank 实施单位, the unit itself as 主管部门', '', '开福区城市房屋征收和补偿管理办公室', 'matches'],
    ['the unit and its department', '开福区城市房屋征收和补偿管理办公室', '开福区住房和城乡建设局', 'matches'],
    ['the unit with its city in front', '长沙市开福区城市房屋征收和补偿管理办公室', '', 'matches'],
    ['the department only, spaced and bracketed', '', '开福区 住房和城乡建设局（本级）', 'matches'],
    ['full-width letters and punctuation', '开福区城市房屋征收和补偿管理办公室。', '', 'matches'],
    ['nothing stated', '  ', '', 'unstated'],
    ['another city', '岳麓区征收事务中心', '岳麓区住房和城乡建设局', 'differs'],
    ['an abbreviation is asked about', '开福区征收办', '', 'differs'],
  ])('%s', (_, implementingUnit, department, kind) => {
    expect(checkUnitIdentity({ implementingUnit, department }, KAIFU).kind).toBe(kind);
  });

  it('says what the report stated when it differs', () => {
    expect(
      checkUnitIdentity({ implementingUnit: ' 岳麓区征收事务中心 ', department: '岳麓区住房和城乡建设局' }, KAIFU),
    ).toEqual({ kind: 'differs', statedUnit: '岳麓区征收事务中心', statedDepartment: '岳麓区住房和城乡建设局' });
  });

  it('compares with the unit alone when it has no department', () => {
    expect(
      checkUnitIdentity(
        { implementingUnit: '', department: '开福区住房和城乡建设局' },
        { ...KAIFU, departmentName: null },
      ).kind,
    ).toBe('differs');
  });
});
