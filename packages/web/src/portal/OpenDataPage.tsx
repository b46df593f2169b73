import { OPEN_DATA_FIELDS } from '@jixiao/core';

const DOWNLOADS = [
  { href: '/api/public/indicators.csv', label: '全部已公开指标（CSV，中文列名，可用 Excel / WPS 打开）' },
  { href: '/api/public/indicators.csv?header=both', label: 'CSV（中文列名与字段名两行表头）' },
  { href: '/api/public/indicators.csv?header=en', label: 'CSV（字段名表头，供程序读取）' },
  { href: '/api/public/indicators.json', label: 'JSON（字段名同上）' },
];

/** 开放数据说明: what the downloads hold, field by field, in the words of the people who read them. */
const OpenDataPage = () => (
  <article className="open-data">
    <h1>开放数据说明</h1>
    <p>
      已公开的项目支出绩效自评，每个三级指标一行。可按年度下载：在地址后加 <code>?year=2022</code>
      （CSV 可同时加 <code>&amp;header=both</code>）。
    </p>
    <h2>下载</h2>
    <ul>
      {DOWNLOADS.map((download) => (
        <li key={download.href}>
          <a href={download.href}>{download.label}</a>
        </li>
      ))}
    </ul>
    <h2>字段</h2>
    <div className="portal-table-wrap">
      <table className="portal-table">
        <thead>
          <tr>
            <th scope="col">列名</th>
            <th scope="col">字段名</th>
            <th scope="col">含义</th>
          </tr>
        </thead>
        <tbody>
          {OPEN_DATA_FIELDS.map((entry) => (
            <tr key={entry.field}>
              <td>{entry.label}</td>
              <td>
                <code>{entry.field}</code>
              </td>
              <td>{entry.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </article>
);

export default OpenDataPage;
