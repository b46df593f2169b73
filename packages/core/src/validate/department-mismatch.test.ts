import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../audit/codes.ts';
import { departmentMismatchFindings, reportDepartment } from './department-mismatch.ts';

const DEPARTMENT = '开福区住房和城乡建设局';

describe('reportDepartment', () => {
  it.each([
    ['the seed: the unit itself in the cell', '开福区城市房屋征收和补偿管理办公室', DEPARTMENT, true],
    ['the registered department', DEPARTMENT, DEPARTMENT, false],
    ['spaces, brackets and full-width punctuation dropped', ' 开福区 住房和城乡建设局。', DEPARTMENT, false],
    ['another department', '开福区教育局', DEPARTMENT, true],
    ['a blank cell', '  ', DEPARTMENT, false],
    ['a cell of punctuation only', '—', DEPARTMENT, false],
    ['no registered department', '开福区教育局', null, false],
  ])('%s', (_, stated, registered, differs) => {
    expect(reportDepartment(stated, registered).departmentDiffers).toBe(differs);
  });

  it('shows the registered department and keeps the cell as written', () => {
    expect(reportDepartment(' 开福区城市房屋征收和补偿管理办公室 ', ` ${DEPARTMENT}`)).toEqual({
      department: DEPARTMENT,
      statedDepartment: '开福区城市房屋征收和补偿管理办公室',
      departmentDiffers: true,
    });
    expect(reportDepartment('开福区教育局', null)).toEqual({
      department: '',
      statedDepartment: '开福区教育局',
      departmentDiffers: false,
    });
  });
});

describe('departmentMismatchFindings', () => {
  it('names both departments, on the 主管部门 cell, with the severity of the code table', () => {
    expect(departmentMismatchFindings('开福区城市房屋征收和补偿管理办公室', DEPARTMENT)).toEqual([
      {
        code: 'DEPARTMENT_MISMATCH',
        severity: FINDING_CODES.DEPARTMENT_MISMATCH.severity,
        where: 'department',
        rule: 'AUDIT-DEPARTMENT_MISMATCH',
        message:
          '自评表填写的主管部门为“开福区城市房屋征收和补偿管理办公室”，系统登记的主管部门为“开福区住房和城乡建设局”；公开页面按系统登记的“开福区住房和城乡建设局”显示。',
      },
    ]);
  });

  it('raises nothing when the cell names the registered department or is blank', () => {
    expect(departmentMismatchFindings(`${DEPARTMENT} `, DEPARTMENT)).toEqual([]);
    expect(departmentMismatchFindings('', DEPARTMENT)).toEqual([]);
  });
});
