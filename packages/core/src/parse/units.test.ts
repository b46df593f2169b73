import { describe, expect, it } from 'vitest';
import { dec } from '../util/decimal.ts';
import { convertUnit, normalizeUnit, unitFromName } from './units.ts';

describe('unitFromName', () => {
  it.each([
    ['征收工作经费（万元）', '万元'],
    ['征收工作经费(万元)', '万元'],
    ['项目前期单位产摸底调查数量（个）', '个'],
    ['项目前期私房摸底调查数量（户）', '户'],
    ['组织征收工作人员业务培训（场次/人数）', '场次/人数'],
    ['提供法律意见/相关文书及合同审查修改/诉讼案件办理（次/次/件）', '次/次/件'],
    ['满意度(%)', '%'],
    ['服务对象满意度（百分比）', '%'],
    ['道路改造长度（公里）', '公里'],
    ['绿化面积（万平方米）', '万平方米'],
    ['接待游客（万人次）', '万人次'],
    ['人均补助标准（元/人）', '元/人'],
    ['征收工作经费（萬元）', '万元'],
    ['改造农田面积（畝）', '亩'],
    ['补助户数（戶）', '户'],
    ['确保征收项目稳步推进（含前期调查摸底工作）', null],
    ['项目完成时间（暂定）', null],
    ['被摸底调查对象满意度', null],
    ['（万元）经费', null],
    ['', null],
  ])('%j → %j', (name, unit) => expect(unitFromName(name)).toBe(unit));
});

describe('normalizeUnit', () => {
  it.each([
    ['百分比', '%'],
    ['百分点', '%'],
    ['％', '%'],
    ['㎡', '平方米'],
    ['平米', '平方米'],
    [' 户 ', '户'],
    ['萬元', '万元'],
    ['噸', '吨'],
    ['個', '个'],
    ['', null],
  ])('%j → %j', (unit, normal) => expect(normalizeUnit(unit)).toBe(normal));
});

describe('convertUnit', () => {
  it.each([
    ['275000', '元', '万元', '27.5'],
    ['1', '元', '万元', '0.0001'],
    ['1.5', '亿元', '万元', '15000'],
    ['38', '万元', '元', '380000'],
    ['3', '日', '天', '3'],
    ['2', '周', '天', '14'],
    ['2', '公里', '米', '2000'],
    ['90', '分钟', '小时', '1.5'],
    ['5', '‰', '%', '0.5'],
    ['160', '人数', '人', '160'],
    ['1', '场次', '场', '1'],
  ])('%s %s → %s = %s', (value, from, to, expected) => {
    expect(convertUnit(dec(value), from, to)?.toFixed()).toBe(expected);
  });

  it.each([
    ['户', '万元'],
    ['%', '户'],
    ['月', '天'],
    ['人', '人次'],
    ['个', '件'],
  ])('%s and %s do not convert', (from, to) => expect(convertUnit(dec(1), from, to)).toBeNull());
});
