import { Button } from 'antd';

/** 打印: the browser's print dialog; what goes on paper is the page's print layout (print.css). */
export const PrintButton = () => <Button onClick={() => window.print()}>打印</Button>;
