import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client.ts';
import type { Page, PublicListItem } from '../api/types.ts';
import { GradeTag } from '../components/GradeTag.tsx';
import { useApi } from '../components/useApi.ts';

const PAGE_SIZE = 20;

/** As long as the public list API takes (public.schema.ts). */
const SEARCH_MAX_LENGTH = 100;

const distinct = <T,>(values: T[]): T[] => [...new Set(values)];

/**
 * Published reports, searched by project or unit name (kept in the address as ?q=, so a search can be linked and
 * survives a reload) and filtered by year and department; a plain table so that it reads on a phone.
 */
export const PortalListPage = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q')?.trim() ?? '';
  const [typed, setTyped] = useState(q);
  const [year, setYear] = useState('');
  const [department, setDepartment] = useState('');
  const [page, setPage] = useState(1);
  // The address changes under the page too (back, forward): the box and the page follow it.
  useEffect(() => {
    setTyped(q);
    setPage(1);
  }, [q]);
  const url = `/api/public/evaluations${query({ q, year, department, page, pageSize: PAGE_SIZE })}`;
  const list = useApi(() => api.get<Page<PublicListItem>>(url), url);
  // The filter choices come from everything published, not from the filtered page.
  const everything = useApi(() => api.get<Page<PublicListItem>>('/api/public/evaluations?pageSize=100'), 'all');
  const all = everything.state === 'ready' ? everything.data.items : [];
  const years = distinct(all.map((item) => item.year)).sort((a, b) => b - a);
  const departments = distinct(all.flatMap((item) => (item.department ? [item.department] : []))).sort();
  const pages = list.state === 'ready' ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>项目支出绩效自评结果</h1>
      <p className="portal-lead">
        各预算单位经主管部门、财政局审核后公开的项目支出绩效自评表与自评报告。开放数据：
        <a href="/api/public/indicators.csv">全部已公开指标（CSV）</a>、<a href="/api/public/indicators.json">JSON</a>
        ，字段含义见<Link to="/open-data">开放数据说明</Link>。
      </p>
      <div className="portal-filters">
        <search className="portal-search">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const next = typed.trim();
              setSearchParams(next ? { q: next } : {});
            }}
          >
            <label>
              搜索
              <input
                type="search"
                value={typed}
                maxLength={SEARCH_MAX_LENGTH}
                placeholder="项目名称或单位名称"
                onChange={(event) => setTyped(event.target.value)}
              />
            </label>
            <button type="submit" className="portal-button">
              搜索
            </button>
          </form>
        </search>
        <label>
          年度
          <select
            value={year}
            onChange={(event) => {
              setYear(event.target.value);
              setPage(1);
            }}
          >
            <option value="">全部年度</option>
            {years.map((value) => (
              <option key={value} value={value}>
                {value} 年度
              </option>
            ))}
          </select>
        </label>
        <label>
          主管部门
          <select
            value={department}
            onChange={(event) => {
              setDepartment(event.target.value);
              setPage(1);
            }}
          >
            <option value="">全部部门</option>
            {departments.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.state === 'error' ? <Alert type="error" showIcon title={list.message} /> : null}
      {list.state === 'loading' ? <Spin aria-label="加载中" /> : null}
      {list.state === 'ready' ? (
        <>
          <div className="portal-table-wrap">
            <table className="portal-table">
              <caption className="skip-link">已公开的项目支出绩效自评</caption>
              <thead>
                <tr>
                  <th scope="col">项目名称</th>
                  <th scope="col">年度</th>
                  <th scope="col" className="optional">
                    实施单位
                  </th>
                  <th scope="col" className="optional">
                    主管部门
                  </th>
                  <th scope="col" className="number">
                    自评得分
                  </th>
                  <th scope="col">等级</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.length === 0 ? (
                  <tr>
                    <td colSpan={6}>{q ? `未找到与“${q}”相关的报告` : '暂无符合条件的公开自评。'}</td>
                  </tr>
                ) : null}
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link to={`/reports/${item.id}`}>{item.projectName}</Link>
                    </td>
                    <td>{item.year}</td>
                    <td className="optional">{item.unit}</td>
                    <td className="optional">{item.department ?? '—'}</td>
                    <td className="number">{item.totalScore === null ? '—' : item.totalScore.toFixed(2)}</td>
                    <td>
                      <GradeTag grade={item.grade} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="portal-pager">
            <span>
              共 {list.data.total} 份，第 {page} / {pages} 页
            </span>
            <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </div>
        </>
      ) : null}
    </>
  );
};
