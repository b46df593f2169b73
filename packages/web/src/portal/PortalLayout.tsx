import { Link, Outlet } from 'react-router';
import './portal.css';

/**
 * The public disclosure portal's frame: no login, readable on a phone. Plain elements rather than antd's
 * Layout and Menu keep the portal's first load small.
 */
export const PortalLayout = () => (
  <div className="portal">
    <a className="skip-link" href="#main">
      跳到正文
    </a>
    <header className="portal-header">
      <Link to="/" className="portal-title">
        预算绩效自评信息公开
      </Link>
      <nav aria-label="公开平台" className="portal-nav">
        <Link to="/open-data">开放数据</Link>
        <Link to="/login">工作人员登录</Link>
      </nav>
    </header>
    <main id="main" className="page">
      <Outlet />
    </main>
    <footer className="portal-footer">
      依据《项目支出绩效评价管理办法》（财预〔2020〕10号）公开项目支出绩效自评结果
    </footer>
  </div>
);
