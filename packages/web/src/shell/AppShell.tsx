import { DownOutlined, MenuOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, onPasswordChangeRequired } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { explainPasswordChange, PASSWORD_PATH, PasswordChangeContext } from '../auth/password-change.ts';
import { SessionContext } from '../auth/session.ts';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../components/useApi.ts';
import { ROLE_TEXT } from './labels.ts';
import { navigationFor, selectedNavKey } from './navigation.ts';

/**
 * The signed-in frame: header, role-aware menu, the session for everything inside. While the password must be
 * changed first (said by /api/auth/me at sign-in, or by any refused request later) only the password page shows.
 */
const AppShell = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const session = useApi(() => api.get<Me>('/api/auth/me'), 'me');
  const unauthenticated = session.state === 'error' && session.status === 401;
  const [refusal, setRefusal] = useState<string | null>(null);
  const [passwordChanged, setPasswordChanged] = useState(false);
  // Below antd's md breakpoint (768 px) the menu and the account controls move into a drawer: on a phone the
  // horizontal menu collapsed to nothing and the header pushed the page wider than the screen.
  const narrow = !Grid.useBreakpoint().md;
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => onPasswordChangeRequired(setRefusal), []);

  const required = session.state === 'ready' ? session.data.passwordChangeRequired : null;
  const explanation = passwordChanged ? null : required ? explainPasswordChange(required) : refusal;
  const mustChange = explanation !== null && location.pathname !== PASSWORD_PATH;
  const passwordChange = useMemo(
    () => ({
      explanation,
      changed: () => {
        setPasswordChanged(true);
        setRefusal(null);
      },
    }),
    [explanation],
  );

  useEffect(() => {
    if (unauthenticated) {
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  }, [unauthenticated, navigate, location.pathname, location.search]);

  useEffect(() => {
    if (mustChange) navigate(PASSWORD_PATH, { replace: true });
  }, [mustChange, navigate]);

  if (session.state === 'loading' || unauthenticated || mustChange) return <Loading />;
  if (session.state === 'error') {
    return <Result status="error" title="无法加载用户信息" subTitle={session.message} />;
  }
  const me = session.data;
  const items = explanation === null ? navigationFor(me) : [];
  const selected = [selectedNavKey(items, location.pathname)];
  const menuItems = items.map((item) => ({ key: item.key, label: <Link to={item.key}>{item.label}</Link> }));
  const roleTags = [...new Set(me.roles.map((item) => item.role))].map((role) => (
    <Tag key={role} color="blue">
      {ROLE_TEXT[role]}
    </Tag>
  ));
  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <SessionContext.Provider value={me}>
      <PasswordChangeContext.Provider value={passwordChange}>
        <App>
          <Layout style={{ minHeight: '100vh' }}>
            <a className="skip-link" href="#main">
              跳到正文
            </a>
            <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px' }}>
              <Link to="/app" style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>
                预算绩效自评
              </Link>
              {narrow ? (
                <Button
                  type="text"
                  aria-label="打开导航菜单"
                  icon={<MenuOutlined style={{ color: '#fff', fontSize: 20 }} />}
                  style={{ marginLeft: 'auto' }}
                  onClick={() => setDrawerOpen(true)}
                />
              ) : (
                <>
                  <Menu
                    theme="dark"
                    mode="horizontal"
                    aria-label="主导航"
                    selectedKeys={selected}
                    items={menuItems}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  <Space style={{ color: '#fff' }}>
                    <Dropdown
                      trigger={['click']}
                      menu={{ items: [{ key: PASSWORD_PATH, label: <Link to={PASSWORD_PATH}>修改密码</Link> }] }}
                    >
                      <Button type="text" style={{ color: '#fff' }}>
                        {me.displayName} <DownOutlined />
                      </Button>
                    </Dropdown>
                    {roleTags}
                    <Link to="/" style={{ color: '#cfe0ff' }}>
                      公开平台
                    </Link>
                    <Button size="small" onClick={logout}>
                      退出
                    </Button>
                  </Space>
                </>
              )}
            </Layout.Header>
            {narrow ? (
              <Drawer
                title={me.displayName}
                placement="right"
                size="default"
                open={drawerOpen}
                onClose={() => setDrawerOpen(false)}
              >
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space wrap>{roleTags}</Space>
                  <Menu
                    mode="vertical"
                    aria-label="主导航"
                    selectedKeys={selected}
                    items={menuItems}
                    onClick={() => setDrawerOpen(false)}
                    style={{ borderInlineEnd: 'none' }}
                  />
                  <Link to={PASSWORD_PATH} onClick={() => setDrawerOpen(false)}>
                    修改密码
                  </Link>
                  <Link to="/">公开平台</Link>
                  <Button onClick={logout}>退出</Button>
                </Space>
              </Drawer>
            ) : null}
            <Layout.Content id="main" className="page" style={{ width: '100%', boxSizing: 'border-box' }}>
              <Outlet />
            </Layout.Content>
            <Layout.Footer style={{ textAlign: 'center' }}>
              <Typography.Text type="secondary">绩效 Jixiao · 项目支出绩效自评</Typography.Text>
            </Layout.Footer>
          </Layout>
        </App>
      </PasswordChangeContext.Provider>
    </SessionContext.Provider>
  );
};

export default AppShell;
