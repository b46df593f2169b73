/** The budget unit a report is filed in, as the system knows it. */
export type UnitIdentity = { unitName: string; departmentName: string | null };

/** What a report says about whose it is (its 实施单位 and 主管部门 cells). */
export type StatedIdentity = { implementingUnit: string; department: string };

export type IdentityCheck =
  /** A stated name is the unit's or its department's: the report is this unit's. */
  | { kind: 'matches' }
  /** The report names no unit or department: nothing to compare. */
  | { kind: 'unstated' }
  /** Every name the report states is another organisation's. */
  | { kind: 'differs'; statedUnit: string; statedDepartment: string };

/** Names compared without spaces, punctuation, brackets or the width of characters. */
export const comparableName = (name: string): string =>
  name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();

/**
 * One name stands for another when either holds the other: "长沙市开福区城市房屋征收和补偿管理办公室" is the unit
 * "开福区城市房屋征收和补偿管理办公室" with its city in front. An abbreviation ("开福区征收办") does not match and is
 * asked about, which costs the unit one confirmation.
 */
const sameOrganization = (stated: string, known: string): boolean => {
  const a = comparableName(stated);
  const b = comparableName(known);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
};

/**
 * Whether a report belongs to the unit it is being filed in. Many published tables name the unit itself in the
 * 主管部门 cell (the seed does) or leave 实施单位 blank, so any stated name matching the unit or its department
 * is enough; only a report whose every stated name is elsewhere (another city's report) differs.
 */
export const checkUnitIdentity = (stated: StatedIdentity, identity: UnitIdentity): IdentityCheck => {
  const names = [stated.implementingUnit, stated.department].filter((name) => comparableName(name) !== '');
  if (names.length === 0) return { kind: 'unstated' };
  const known = [identity.unitName, identity.departmentName ?? ''];
  return names.some((name) => known.some((knownName) => sameOrganization(name, knownName)))
    ? { kind: 'matches' }
    : { kind: 'differs', statedUnit: stated.implementingUnit.trim(), statedDepartment: stated.department.trim() };
};
