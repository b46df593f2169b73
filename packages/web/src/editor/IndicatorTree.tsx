import {
  type EvaluationForm,
  type EvaluationResult,
  type IndicatorRow,
  type IndicatorScore,
  LEVEL1_LABELS,
  LEVEL2_KEYS,
  LEVEL2_LABELS,
  type Level1,
  type Level2,
  type RuleSet,
} from '@jixiao/core';
import { Button, Card, Input, Popover, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useUndoableRemoval } from '../components/useUndoableRemoval.tsx';
import '../components/print.css';
import { CellMessage, cellInputProps } from './CellMessage.tsx';
import {
  addIndicator,
  GROUP_KEYS,
  type GroupKey,
  groupSums,
  LEVEL2_BY_LEVEL1,
  moveIndicator,
  readCell,
  removeIndicator,
  restoreIndicator,
  rowsInGroup,
  updateIndicator,
} from './form-ops.ts';
import type { FieldFlag } from './locate.ts';
import { type EditorNumberChecks, NO_NUMBER_CHECKS } from './number-checks.ts';

type Props = {
  form: EvaluationForm;
  result: EvaluationResult;
  ruleSet: RuleSet;
  readOnly: boolean;
  onChange: (form: EvaluationForm) => void;
  flagged: (path: string) => FieldFlag;
  highlighted: number | null;
  /** The editor's number checks; without them (the review page) no cell is marked. */
  numbers?: EditorNumberChecks;
  /** Shown under a row's 实际完成值: its 佐证材料 (the editor and the review page pass it). */
  evidenceOf?: ((row: IndicatorRow) => ReactNode) | undefined;
};

const GROUP_TITLES: Record<GroupKey, string> = { ...LEVEL1_LABELS, unclassified: '未归类指标' };

const points = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** What the parser read from a cell, under the cell: the phrase, or the error in red. */
const Reading = ({ row, cell }: { row: IndicatorRow; cell: 'target' | 'actual' }) => {
  const reading = readCell(row, cell);
  if (!reading) return null;
  return (
    <div className={reading.ok ? 'cell-reading' : 'cell-reading cell-reading-error'} aria-live="polite">
      {reading.ok ? `识别为：${reading.text}` : reading.text}
    </div>
  );
};

/** A cell's text as printed in place of its input, which would cut off what does not fit its box. */
const PrintValue = ({ text }: { text: string }) => <div className="print-value">{text}</div>;

/** The row's points with the explanation behind them, on hover, focus or click. */
const PointsWithExplanation = ({ score, invalid }: { score: IndicatorScore | undefined; invalid: string | null }) => {
  if (invalid !== null) return <InvalidPoints reason={invalid} />;
  if (!score) return <span>—</span>;
  const { explanation } = score;
  return (
    <Popover
      trigger={['hover', 'click']}
      title={`${explanation.rule}（${score.basis === 'computed' ? '按规则计算' : score.basis === 'stated' ? '沿用填报得分' : '无得分'}）`}
      content={
        <div style={{ maxWidth: 360 }}>
          <p style={{ margin: 0 }}>{explanation.text}</p>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {explanation.formula}
          </Typography.Text>
        </div>
      }
    >
      <Button
        type="link"
        size="small"
        className="points-button"
        aria-label={`复核得分 ${points(score.points)}，查看计分说明`}
      >
        {points(score.points)}
      </Button>
    </Popover>
  );
};

/** "分值不能为负数" as it is; "请填写数字…" with the column it is about ("分值：请填写数字…"). */
const withColumn = (column: string, message: string): string =>
  message.startsWith(column.replace(/^自评/u, '')) ? message : `${column}：${message}`;

/** A figure that rests on a wrong cell: "—", with the reason on hover, focus or click and for screen readers. */
export const InvalidPoints = ({ reason }: { reason: string }) => (
  <Popover trigger={['hover', 'click']} title="无法计算" content={<div style={{ maxWidth: 320 }}>{reason}</div>}>
    <Button type="link" size="small" danger className="points-button" aria-label={`复核得分无法计算：${reason}`}>
      —
    </Button>
  </Popover>
);

/** The indicator tree under 产出 / 效益 / 满意度: rows with their weights, readings and points, group sums. */
export const IndicatorTree = ({
  form,
  result,
  ruleSet,
  readOnly,
  onChange,
  flagged,
  highlighted,
  numbers = NO_NUMBER_CHECKS,
  evidenceOf,
}: Props) => {
  const sums = groupSums(form);
  const scores = new Map(result.indicators.map((score) => [score.index, score]));
  const groups = GROUP_KEYS.filter((key) => key !== 'unclassified' || sums.unclassified.rows > 0);
  const update = (index: number, patch: Partial<IndicatorRow>) => onChange(updateIndicator(form, index, patch));
  const remove = useUndoableRemoval(form, onChange, {
    remove: removeIndicator,
    restore: restoreIndicator,
    nameOf: (row: IndicatorRow) => row.name,
  });

  const expectedWeight = (group: GroupKey): number | null => {
    if (group === 'unclassified') return null;
    const declared = Number(form.declaredLevel1Weights[group]);
    return form.declaredLevel1Weights[group].trim() && Number.isFinite(declared)
      ? declared
      : ruleSet.level1Weights[group];
  };

  return (
    <Card id="section-indicators" title="绩效指标" size="small">
      {groups.map((group) => {
        const sum = sums[group];
        const expected = expectedWeight(group);
        const matches = expected === null || Math.abs(sum.weight - expected) < 0.005;
        const level2Choices = group === 'unclassified' ? LEVEL2_KEYS : LEVEL2_BY_LEVEL1[group];
        const groupPoints = rowsInGroup(form, group).reduce(
          (total, index) => total + (scores.get(index)?.points ?? 0),
          0,
        );
        const groupInvalid = rowsInGroup(form, group).some((index) => numbers.invalid.rows.has(index));
        return (
          <section key={group} aria-labelledby={`group-${group}`} className="indicator-group">
            <header className="indicator-group-header">
              <Typography.Title level={5} id={`group-${group}`} style={{ margin: 0 }}>
                {GROUP_TITLES[group]}
              </Typography.Title>
              <Tag color={matches && sum.unreadable === 0 ? 'green' : 'red'} data-testid={`group-sum-${group}`}>
                分值合计 {sum.weight}
                {expected === null ? '' : ` / ${expected}`}
                {sum.unreadable > 0 ? `（${sum.unreadable} 项分值填写有误）` : ''}
              </Tag>
              <Tag color={groupInvalid ? 'red' : 'default'} data-testid={`group-points-${group}`}>
                复核得分 {groupInvalid ? '—（有分值或得分填写有误）' : points(Math.round(groupPoints * 100) / 100)}
              </Tag>
              <span style={{ flex: 1 }} />
              {!readOnly && group !== 'unclassified' ? (
                <Button size="small" onClick={() => onChange(addIndicator(form, group as Level1))}>
                  ＋ 添加{GROUP_TITLES[group]}
                </Button>
              ) : null}
            </header>
            <div className="indicator-table-wrap">
              <table className="indicator-table">
                <thead>
                  <tr>
                    <th scope="col" style={{ width: 112 }}>
                      二级指标
                    </th>
                    <th scope="col" style={{ width: '24%' }}>
                      三级指标
                    </th>
                    <th scope="col">年度指标值</th>
                    <th scope="col">实际完成值</th>
                    <th scope="col" style={{ width: 64 }}>
                      分值
                    </th>
                    <th scope="col" style={{ width: 64 }}>
                      得分
                    </th>
                    <th scope="col" style={{ width: 72 }}>
                      复核
                    </th>
                    {readOnly ? null : (
                      <th scope="col" className="indicator-actions" style={{ width: 108 }}>
                        操作
                      </th>
                    )}
                  </tr>
                </thead>
                {rowsInGroup(form, group).map((index, position, members) => {
                  const row = form.indicators[index] as IndicatorRow;
                  const label = `第 ${index + 1} 行`;
                  const noteFlag = flagged(`indicators[${index}].deviationNote`);
                  const weightWhere = `indicators[${index}].weight`;
                  const scoreWhere = `indicators[${index}].statedScore`;
                  const weightError = numbers.errorAt(weightWhere);
                  const scoreError = numbers.errorAt(scoreWhere);
                  return (
                    <tbody
                      key={index}
                      id={`indicator-row-${index}`}
                      className={highlighted === index ? 'indicator-row highlighted' : 'indicator-row'}
                    >
                      <tr>
                        <td>
                          <Select<Level2 | null>
                            aria-label={`${label}二级指标`}
                            size="small"
                            style={{ width: '100%' }}
                            disabled={readOnly}
                            value={row.level2}
                            placeholder={row.level2Label || '选择'}
                            onChange={(level2) =>
                              update(index, { level2, level2Label: level2 ? LEVEL2_LABELS[level2] : '' })
                            }
                            options={level2Choices.map((key) => ({ value: key, label: LEVEL2_LABELS[key] }))}
                          />
                          <PrintValue text={row.level2 ? LEVEL2_LABELS[row.level2] : row.level2Label} />
                        </td>
                        <td>
                          <Input
                            aria-label={`${label}三级指标名称`}
                            size="small"
                            value={row.name}
                            readOnly={readOnly}
                            status={flagged(`indicators[${index}].name`)}
                            onChange={(event) => update(index, { name: event.target.value })}
                          />
                          <PrintValue text={row.name} />
                        </td>
                        <td>
                          <Input
                            aria-label={`${label}年度指标值`}
                            size="small"
                            value={row.target}
                            readOnly={readOnly}
                            status={flagged(`indicators[${index}].target`)}
                            onChange={(event) => update(index, { target: event.target.value })}
                          />
                          <PrintValue text={row.target} />
                          <Reading row={row} cell="target" />
                        </td>
                        <td>
                          <Input
                            aria-label={`${label}实际完成值`}
                            size="small"
                            value={row.actual}
                            readOnly={readOnly}
                            status={flagged(`indicators[${index}].actual`)}
                            onChange={(event) => update(index, { actual: event.target.value })}
                          />
                          <PrintValue text={row.actual} />
                          <Reading row={row} cell="actual" />
                          {evidenceOf?.(row)}
                        </td>
                        <td>
                          <Input
                            aria-label={`${label}分值`}
                            size="small"
                            value={row.weight}
                            readOnly={readOnly}
                            {...cellInputProps(weightWhere, weightError, null, flagged(weightWhere))}
                            onChange={(event) => update(index, { weight: event.target.value })}
                          />
                          <PrintValue text={row.weight} />
                        </td>
                        <td>
                          <Input
                            aria-label={`${label}自评得分`}
                            size="small"
                            value={row.statedScore}
                            readOnly={readOnly}
                            {...cellInputProps(scoreWhere, scoreError, null, flagged(scoreWhere))}
                            onChange={(event) => update(index, { statedScore: event.target.value })}
                          />
                          <PrintValue text={row.statedScore} />
                        </td>
                        <td>
                          <PointsWithExplanation
                            score={scores.get(index)}
                            invalid={numbers.invalid.rows.get(index) ?? null}
                          />
                        </td>
                        {readOnly ? null : (
                          <td className="indicator-actions">
                            <Space size={2}>
                              <Tooltip title="上移">
                                <Button
                                  size="small"
                                  aria-label={`${label}上移`}
                                  disabled={position === 0}
                                  onClick={() => onChange(moveIndicator(form, index, -1))}
                                >
                                  ↑
                                </Button>
                              </Tooltip>
                              <Tooltip title="下移">
                                <Button
                                  size="small"
                                  aria-label={`${label}下移`}
                                  disabled={position === members.length - 1}
                                  onClick={() => onChange(moveIndicator(form, index, 1))}
                                >
                                  ↓
                                </Button>
                              </Tooltip>
                              <Tooltip title="删除">
                                <Button size="small" danger aria-label={`${label}删除`} onClick={() => remove(index)}>
                                  ✕
                                </Button>
                              </Tooltip>
                            </Space>
                          </td>
                        )}
                      </tr>
                      {weightError !== null || scoreError !== null ? (
                        <tr className="cell-error-row">
                          <td colSpan={4} />
                          <td colSpan={readOnly ? 3 : 4}>
                            <CellMessage
                              where={weightWhere}
                              error={weightError === null ? null : withColumn('分值', weightError)}
                              note={null}
                            />
                            <CellMessage
                              where={scoreWhere}
                              error={scoreError === null ? null : withColumn('自评得分', scoreError)}
                              note={null}
                            />
                          </td>
                        </tr>
                      ) : null}
                      {row.deviationNote.trim() || noteFlag || !readOnly ? (
                        <tr className="note-row">
                          <td colSpan={readOnly ? 7 : 8}>
                            <Input.TextArea
                              aria-label={`${label}偏差原因分析及改进措施`}
                              placeholder={
                                noteFlag
                                  ? '请填写偏差原因分析及改进措施（规则要求）'
                                  : '偏差原因分析及改进措施（如有偏差）'
                              }
                              autoSize={{ minRows: 1, maxRows: 4 }}
                              size="small"
                              value={row.deviationNote}
                              readOnly={readOnly}
                              status={noteFlag}
                              onChange={(event) => update(index, { deviationNote: event.target.value })}
                            />
                            <PrintValue text={row.deviationNote} />
                          </td>
                        </tr>
                      ) : null}
                    </tbody>
                  );
                })}
              </table>
            </div>
          </section>
        );
      })}
    </Card>
  );
};
