import { App, Button, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { SessionContext } from '../auth/session.ts';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../components/useApi.ts';
import { ROLE_TEXT } from './labels.ts';
import { navigationFor, selectedNavKey } from './navigation.ts';

/** The signed-in frame: header, role-aware menu, the session for everything inside. */
const AppShell = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const session = useApi(() => api.get<Me>('/api/auth/me'), 'me');
  const unauthenticated = session.state === 'error' && session.status === 401;

  useEffect(() => {
    if (unauthenticated) {
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  }, [unauthenticated, navigate, location.pathname, location.search]);

  if (session.state === 'loading' || unauthenticated) return <Loading />;
  if (session.state === 'error') {
    return <Result status="error" title="无法加载用户信息" subTitle={session.message} />;
  }
  const me = session.data;
  const items = navigationFor(me);
  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <SessionContext.Provider value={me}>
      <App>
        <Layout style={{ minHeight: '100vh' }}>
          <a className="skip-link" href="#main">
            跳到正文
          </a>
          <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px' }}>
            <Link to="/app" style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>
              预算绩效自评
            </Link>
            <Menu
              theme="dark"
              mode="horizontal"
              aria-label="主导航"
              selectedKeys={[selectedNavKey(items, location.pathname)]}
              items={items.map((item) => ({ key: item.key, label: <Link to={item.key}>{item.label}</Link> }))}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Space style={{ color: '#fff' }}>
              <span>{me.displayName}</span>
              {[...new Set(me.roles.map((item) => item.role))].map((role) => (
                <Tag key={role} color="blue">
                  {ROLE_TEXT[role]}
                </Tag>
              ))}
              <Link to="/" style={{ color: '#cfe0ff' }}>
                公开平台
              </Link>
              <Button size="small" onClick={logout}>
                退出
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content id="main" className="page" style={{ width: '100%', boxSizing: 'border-box' }}>
            <Outlet />
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center' }}>
            <Typography.Text type="secondary">绩效 Jixiao · 项目支出绩效自评</Typography.Text>
          </Layout.Footer>
        </Layout>
      </App>
    </SessionContext.Provider>
  );
};

export default AppShell;
