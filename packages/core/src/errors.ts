/**
 * The one table of application error codes. Every layer raises `AppError` with a code from here; the
 * server maps the code to its HTTP status, the CLI prints the Chinese message and exits non-zero.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: '输入数据不符合要求' },
  EMPTY_FILE: { status: 400, message: '文件为空' },
  BINARY_FILE: { status: 400, message: '文件不是可读的文本或受支持的文档格式' },
  UNSUPPORTED_FORMAT: { status: 415, message: '不支持的文件格式' },
  UNKNOWN_LAYOUT: { status: 422, message: '无法识别自评表的版式' },
  NOT_A_SELF_EVALUATION: { status: 422, message: '该文件不是项目支出绩效自评表' },
  NOT_A_DECLARATION: { status: 422, message: '该文件中没有项目支出绩效目标申报表' },
  NOT_A_MONITORING_REPORT: { status: 422, message: '该文件中没有项目支出绩效目标执行监控表' },
  UNREADABLE_FILE: { status: 422, message: '文件内容无法解析' },
  NO_INDICATORS: { status: 422, message: '未找到绩效指标' },
  INVALID_JSON: { status: 400, message: 'JSON 格式错误' },
  HOSTILE_FILE: { status: 422, message: '文件结构异常，已拒绝处理' },
  FILE_TOO_LARGE: { status: 413, message: '文件过大' },
  ENCRYPTED_FILE: { status: 422, message: '文件已加密，无法读取' },
  NO_TEXT_LAYER: { status: 422, message: 'PDF 没有可提取的文字（可能是扫描件）' },
  UNKNOWN_RULE_SET: { status: 400, message: '未知的评分规则集' },
  NOT_FOUND: { status: 404, message: '记录不存在' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '该账户已停用，请联系系统管理员' },
  LOGIN_THROTTLED: { status: 429, message: '登录失败次数过多，请稍后再试' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '密码已过期或为临时密码，请先修改密码' },
  SEPARATION_OF_DUTIES: { status: 403, message: '不能审核本人提交或修改的内容，请由其他人员办理' },
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  INVALID_TRANSITION: { status: 409, message: '当前状态不允许此操作' },
  APPEAL_PERIOD_OVER: { status: 409, message: '申诉期限已过' },
  INVALID_NUMBERS: { status: 422, message: '自评表中有填写有误的数字，改正后才能送审' },
  DUPLICATE_PROJECT: { status: 409, message: '该项目本年度已有自评记录' },
  DUPLICATE_DECLARATION: { status: 409, message: '该项目本年度已申报绩效目标' },
  IMPORT_UNIT_MISMATCH: { status: 409, message: '文件中的单位与您的单位不符，请确认后再导入' },
  INTERNAL: { status: 500, message: '服务器内部错误' },
  STORED_FORM_INVALID: { status: 500, message: '已保存的自评表数据无法读取，请联系系统管理员' },
  BUSY: { status: 503, message: '服务器繁忙，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
