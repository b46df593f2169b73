import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useContext, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, errorMessage } from '../api/client.ts';
import { PasswordChangeContext } from '../auth/password-change.ts';
import { useSession } from '../auth/session.ts';

type PasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

/** The password rules the server enforces, stated before anyone has to learn them from an error. */
const RULES = [
  '至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类',
  '不能包含用户名',
  '不能与最近 5 次使用过的密码相同',
  '修改后，您在其他设备或浏览器上的登录将会退出',
];

/** 修改密码: reached from the user menu, and where anyone whose password must change first is sent. */
const PasswordPage = () => {
  const me = useSession();
  const { explanation, changed } = useContext(PasswordChangeContext);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      const { revokedSessions } = await api.post<{ revokedSessions: number }>('/api/auth/password', {
        currentPassword,
        newPassword,
      });
      message.success(revokedSessions > 0 ? `密码已修改，已退出其他 ${revokedSessions} 处登录` : '密码已修改');
      changed();
      navigate('/app', { replace: true });
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fields : {};
      const named = (['currentPassword', 'newPassword'] as const).filter((name) => fields[name]);
      if (named.length > 0) {
        form.setFields(named.map((name) => ({ name, errors: [fields[name] ?? ''] })));
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        修改密码
      </Typography.Title>
      {explanation ? (
        <Alert type="warning" showIcon title="请先修改密码" description={explanation} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          <ul style={{ paddingInlineStart: 20, margin: 0 }}>
            {RULES.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
};

export default PasswordPage;
