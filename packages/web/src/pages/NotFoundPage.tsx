import { Button, Result } from 'antd';
import { Link } from 'react-router';

const NotFoundPage = () => (
  <Result
    status="404"
    title="页面不存在"
    subTitle="您访问的页面不存在或已移动。"
    extra={
      <Link to="/">
        <Button type="primary">返回首页</Button>
      </Link>
    }
  />
);

export default NotFoundPage;
