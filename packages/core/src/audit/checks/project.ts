import { findSection, sectionWhere } from '../../narrative/sections.ts';
import { resolveUnitFacts } from '../../narrative/unit-facts.ts';
import { type AuditCheck, finding, isBlankText } from '../context.ts';

export const checkImplementingUnit: AuditCheck = ({ form }) =>
  isBlankText(form.implementingUnit)
    ? [finding('IMPLEMENTING_UNIT_BLANK', 'implementingUnit', '实施单位未填写（如与主管部门相同，也应写明）。')]
    : [];

const REQUIRED_FIELDS = [
  { where: 'projectName', label: '项目名称', read: (form: Parameters<AuditCheck>[0]['form']) => form.projectName },
  { where: 'department', label: '主管部门', read: (form: Parameters<AuditCheck>[0]['form']) => form.department },
  {
    where: 'annualGoal.expected',
    label: '年度总体目标（预期目标）',
    read: (form: Parameters<AuditCheck>[0]['form']) => form.annualGoal.expected,
  },
] as const;

export const checkProjectFields: AuditCheck = ({ form }) =>
  REQUIRED_FIELDS.flatMap(({ where, label, read }) =>
    isBlankText(read(form)) ? [finding('PROJECT_FIELD_BLANK', where, `${label}未填写。`)] : [],
  );

/** 在职人数 above 编制数 in 单位基本情况. */
export const checkStaffing: AuditCheck = ({ form }) => {
  const facts = resolveUnitFacts(form.unitFacts, form.narrative);
  if (facts.activeStaff === null || facts.authorizedStaff === null || facts.activeStaff <= facts.authorizedStaff)
    return [];
  const profile = findSection(form.narrative, '单位基本情况') ?? findSection(form.narrative, '基本情况');
  return [
    finding(
      'STAFF_OVER_ESTABLISHMENT',
      profile ? sectionWhere(profile) : 'unitFacts.activeStaff',
      `单位基本情况中在职人数 ${facts.activeStaff} 人，超过编制数 ${facts.authorizedStaff} 人。`,
    ),
  ];
};
