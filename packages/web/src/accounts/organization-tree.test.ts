import { describe, expect, it } from 'vitest';
import { organizationTree } from './organization-tree.ts';

const org = (id: string, name: string, kind: string, parentId: string | null) => ({
  id,
  name,
  kind,
  parentId,
  stoppedAt: null,
});

describe('organizationTree', () => {
  it('nests units under departments under the bureau, each level by name', () => {
    const tree = organizationTree([
      org('u2', '开福区教育事务中心', 'budget_unit', 'd2'),
      org('d1', '开福区住房和城乡建设局', 'department', 'b'),
      org('b', '开福区财政局', 'finance_bureau', null),
      org('u1', '开福区城市房屋征收和补偿管理办公室', 'budget_unit', 'd1'),
      org('d2', '开福区教育局', 'department', 'b'),
    ]);
    expect(tree.map((node) => node.id)).toEqual(['b']);
    expect(tree[0]?.children?.map((node) => [node.id, node.children?.map((child) => child.id)])).toEqual([
      ['d2', ['u2']],
      ['d1', ['u1']],
    ]);
  });

  it('makes a root of what has no parent in the list, and leaves no empty children', () => {
    const tree = organizationTree([
      org('u1', '甲单位', 'budget_unit', 'd1'),
      org('u2', '乙单位', 'budget_unit', 'gone'),
    ]);
    expect(tree).toEqual([org('u1', '甲单位', 'budget_unit', 'd1'), org('u2', '乙单位', 'budget_unit', 'gone')]);
  });
});
