import type { DeclarationForm, DeclaredIndicator, Level1, Level2 } from '@jixiao/core';
import { Button, Input, Select, Table, Typography } from 'antd';
import { useUndoableRemoval } from '../components/useUndoableRemoval.tsx';
import {
  addIndicator,
  COMPARATOR_OPTIONS,
  level1Options,
  level2Options,
  removeIndicator,
  restoreIndicator,
  updateIndicator,
  weightTotal,
} from './declaration-ops.ts';

type Props = { form: DeclarationForm; readOnly: boolean; onChange: (form: DeclarationForm) => void };

/** The declared indicator tree as a table: 一级 / 二级 / 三级指标, 指标性质, 年度指标值, 计量单位, 分值. */
export const DeclarationIndicatorTable = ({ form, readOnly, onChange }: Props) => {
  const set = (index: number, patch: Partial<DeclaredIndicator>) => onChange(updateIndicator(form, index, patch));
  const total = weightTotal(form.indicators);
  const remove = useUndoableRemoval(form, onChange, {
    remove: removeIndicator,
    restore: restoreIndicator,
    nameOf: (row: DeclaredIndicator) => row.name,
  });
  const text = (index: number, field: 'name' | 'target' | 'measureUnit' | 'weight', label: string) => {
    const row = form.indicators[index];
    if (!row) return null;
    return readOnly ? (
      row[field]
    ) : (
      <Input
        aria-label={`第 ${index + 1} 行${label}`}
        value={row[field]}
        onChange={(event) => set(index, { [field]: event.target.value })}
      />
    );
  };
  return (
    <>
      <Table<DeclaredIndicator & { index: number }>
        rowKey="index"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={form.indicators.map((row, index) => ({ ...row, index }))}
        locale={{ emptyText: '尚未填写绩效指标' }}
        columns={[
          {
            title: '一级指标',
            key: 'level1',
            width: 130,
            render: (_, row) =>
              readOnly ? (
                row.level1Label
              ) : (
                <Select<Level1 | null>
                  aria-label={`第 ${row.index + 1} 行一级指标`}
                  style={{ width: '100%' }}
                  options={level1Options}
                  value={row.level1}
                  onChange={(level1) => set(row.index, { level1 })}
                />
              ),
          },
          {
            title: '二级指标',
            key: 'level2',
            width: 150,
            render: (_, row) =>
              readOnly ? (
                row.level2Label
              ) : (
                <Select<Level2 | null>
                  aria-label={`第 ${row.index + 1} 行二级指标`}
                  style={{ width: '100%' }}
                  options={level2Options(row.level1)}
                  value={row.level2}
                  onChange={(level2) => set(row.index, { level2 })}
                />
              ),
          },
          { title: '三级指标', key: 'name', width: 200, render: (_, row) => text(row.index, 'name', '三级指标') },
          {
            title: '指标性质',
            key: 'comparator',
            width: 100,
            render: (_, row) =>
              readOnly ? (
                row.comparator
              ) : (
                <Select<string>
                  aria-label={`第 ${row.index + 1} 行指标性质`}
                  style={{ width: '100%' }}
                  allowClear
                  options={COMPARATOR_OPTIONS}
                  value={row.comparator || null}
                  onChange={(comparator: string | undefined) => set(row.index, { comparator: comparator ?? '' })}
                />
              ),
          },
          {
            title: '年度指标值',
            key: 'target',
            width: 140,
            render: (_, row) => text(row.index, 'target', '年度指标值'),
          },
          {
            title: '计量单位',
            key: 'measureUnit',
            width: 90,
            render: (_, row) => text(row.index, 'measureUnit', '计量单位'),
          },
          { title: '分值', key: 'weight', width: 80, render: (_, row) => text(row.index, 'weight', '分值') },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'delete',
                  width: 60,
                  render: (_: unknown, row: { index: number }) => (
                    <Button
                      type="link"
                      danger
                      aria-label={`删除第 ${row.index + 1} 行`}
                      onClick={() => remove(row.index)}
                    >
                      删除
                    </Button>
                  ),
                },
              ]),
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
        {readOnly ? <span /> : <Button onClick={() => onChange(addIndicator(form))}>添加指标</Button>}
        <Typography.Text type="secondary">
          分值合计：{total === null ? '有分值无法读取' : `${total} 分`}
        </Typography.Text>
      </div>
    </>
  );
};
