import { finding } from '../audit/context.ts';
import type { Finding } from '../model/result.ts';
import { comparableName } from './unit-identity.ts';

/**
 * The 主管部门 a report is shown under, with what its form states. The system's record (the unit's department in
 * the organisation tree) is the one source of truth: the portal's list and its report pages show it, and the
 * form's cell only as a note when it says something else.
 */
export type ReportDepartment = {
  /** The unit's 主管部门 as registered in the system; empty when the unit has none. */
  department: string;
  /** The 主管部门 cell of the form, as written (trimmed); empty when blank. */
  statedDepartment: string;
  /** The cell is filled and names another organisation than the registered department (the unit itself included). */
  departmentDiffers: boolean;
};

/**
 * Compared without spaces, punctuation or the width of characters, and exactly otherwise: many published tables
 * name the unit itself in that cell (the seed does), which is a different organisation from its department.
 * A unit with no registered department leaves nothing to compare with.
 */
export const reportDepartment = (statedDepartment: string, registeredDepartment: string | null): ReportDepartment => {
  const stated = statedDepartment.trim();
  const registered = registeredDepartment?.trim() ?? '';
  const comparableStated = comparableName(stated);
  return {
    department: registered,
    statedDepartment: stated,
    departmentDiffers: comparableStated !== '' && registered !== '' && comparableStated !== comparableName(registered),
  };
};

/**
 * DEPARTMENT_MISMATCH when the form's 主管部门 differs from the registered one. Raised when the evaluation is read,
 * never stored with a revision: the organisation tree may be renamed or reorganised after the revision was scored.
 */
export const departmentMismatchFindings = (
  statedDepartment: string,
  registeredDepartment: string | null,
): Finding[] => {
  const {
    department,
    statedDepartment: stated,
    departmentDiffers,
  } = reportDepartment(statedDepartment, registeredDepartment);
  return departmentDiffers
    ? [
        finding(
          'DEPARTMENT_MISMATCH',
          'department',
          `自评表填写的主管部门为“${stated}”，系统登记的主管部门为“${department}”；公开页面按系统登记的“${department}”显示。`,
        ),
      ]
    : [];
};
