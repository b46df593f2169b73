import { describe, expect, it } from 'vitest';
import {
  isBoilerplateMeasures,
  pairProblemsWithMeasures,
  proposeProblemMeasures,
  splitProblems,
} from './problem-measures.ts';

const SEED_PROBLEMS =
  '今年我区征收工作虽取得了较好成效，但仍面临生地出让土地使用权收回和部分单位征收推进难度大等问题，影响了项目扫尾及结算工作。';
const SEED_MEASURES =
  '对于明年计划新启动项目，及时对接各业主单位加快前期手续办理，提前做好项目征收资金和房源筹措保障工作。各实施单位提前摸清项目具体情况，强化项目调研和论证，谋划好项目推进时序，夯实好项目启动基础，确保明年全区征收工作稳步推进。对于项目扫尾中存在的问题和困难，进一步强化调度，尽快明确解决路径，同时坚持反复沟通对接，积极争取向上协调，以“钉钉子”精神一步步推动问题解决。对于需强制执行户，加快推进法务程序，坚决依法强力推进执行，坚定不移推进项目全面腾地。同步完善项目结算等各项工作，为地块出让和项目建设提供好保障。';

describe('splitProblems', () => {
  it.each<[string, string, string[]]>([
    ['one sentence', SEED_PROBLEMS, [SEED_PROBLEMS]],
    [
      'numbered （一）（二）',
      '（一）预算执行率偏低，资金支付滞后。（二）绩效目标设置不够细化。',
      ['（一）预算执行率偏低，资金支付滞后。', '（二）绩效目标设置不够细化。'],
    ],
    [
      'numbered 1、2、',
      '主要问题如下：1、前期手续办理缓慢；2、部分资金未按时拨付。',
      ['1、前期手续办理缓慢；', '2、部分资金未按时拨付。'],
    ],
    [
      '一是 二是',
      '一是项目前期论证不充分。二是结算工作推进缓慢。',
      ['一是项目前期论证不充分。', '二是结算工作推进缓慢。'],
    ],
    ['sentences', '资金拨付滞后。绩效目标不明确。', ['资金拨付滞后。', '绩效目标不明确。']],
    ['nothing to report', '无。', []],
    ['no problems found', '暂无问题', []],
    ['blank', '  ', []],
  ])('%s', (_, text, expected) => {
    expect(splitProblems(text)).toEqual(expected);
  });
});

describe('pairProblemsWithMeasures', () => {
  it('pairs numbered problems and measures by position', () => {
    expect(
      pairProblemsWithMeasures(
        '（一）预算执行率偏低。（二）绩效目标不够细化。',
        '（一）加快资金支付进度。（二）细化量化绩效目标。',
      ),
    ).toEqual([
      { problem: '（一）预算执行率偏低。', measure: '（一）加快资金支付进度。' },
      { problem: '（二）绩效目标不够细化。', measure: '（二）细化量化绩效目标。' },
    ]);
  });

  it('pairs by shared key terms when the numbering differs', () => {
    expect(
      pairProblemsWithMeasures(
        '1、结算工作滞后。2、资金支付缓慢。3、满意度调查未开展。',
        '加快资金支付。尽快完成结算工作。',
      ),
    ).toEqual([
      { problem: '1、结算工作滞后。', measure: '尽快完成结算工作。' },
      { problem: '2、资金支付缓慢。', measure: '加快资金支付。' },
      { problem: '3、满意度调查未开展。', measure: '' },
    ]);
  });

  it('gives the seed problem the measure about 扫尾, read from the clause after 但 (not the praise before it)', () => {
    const [pair] = pairProblemsWithMeasures(SEED_PROBLEMS, SEED_MEASURES);
    expect(pair?.problem).toBe(SEED_PROBLEMS);
    expect(pair?.measure).toBe(
      '对于项目扫尾中存在的问题和困难，进一步强化调度，尽快明确解决路径，同时坚持反复沟通对接，积极争取向上协调，以“钉钉子”精神一步步推动问题解决。',
    );
  });

  it('proposes nothing for a report without 存在的问题', () => {
    expect(
      proposeProblemMeasures({ title: '', sections: [{ number: 1, heading: '单位基本情况', body: '…' }] }),
    ).toEqual([]);
  });

  it('finds the sections by heading whatever their numbers', () => {
    expect(
      proposeProblemMeasures({
        title: '',
        sections: [
          { number: 5, heading: '存在的问题', body: '资金拨付滞后。' },
          { number: 6, heading: '改进措施', body: '加快资金拨付。' },
        ],
      }),
    ).toEqual([{ problem: '资金拨付滞后。', measure: '加快资金拨付。' }]);
  });
});

describe('isBoilerplateMeasures', () => {
  it.each<[string, boolean]>([
    ['', true],
    ['   ', true],
    ['无', true],
    ['无。', true],
    ['暂无', true],
    ['继续加强管理', true],
    ['进一步加强管理。', true],
    ['继续完善相关工作', true],
    ['/', true],
    ['加快资金支付进度，12月底前完成结算。', false],
    [SEED_MEASURES, false],
    ['对于明年计划新启动项目，及时对接各业主单位加快前期手续办理。', false],
    // Generic words only: 19 characters are still boilerplate, 21 are more than boilerplate ever is.
    ['继续加强管理，进一步完善相关工作制度建设', true],
    ['继续加强管理，进一步完善相关工作制度建设落实', false],
  ])('%j → %s', (text, expected) => {
    expect(isBoilerplateMeasures(text)).toBe(expected);
  });
});
