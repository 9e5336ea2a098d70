/** An API answer other than 2xx, carrying the Vietnamese message the service gave (or one of ours). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    /** The service's `details` (e.g. the rows an import refused), when it gave them. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const BY_STATUS: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ.',
  401: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu.',
  409: 'Dữ liệu vừa được người khác thay đổi, vui lòng thử lại.',
  422: 'Thao tác không hợp lệ theo quy định.',
};

/** The message a person reads: the service's own `message` (Vietnamese) when it gave one. */
export function errorMessage(status: number, body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; messageVi?: unknown; error?: unknown };
    for (const candidate of [b.messageVi, b.message]) {
      if (typeof candidate === 'string' && candidate.trim()) return candidate;
      if (Array.isArray(candidate) && candidate.length) return candidate.join('; ');
    }
  }
  if (status === 0) return 'Không kết nối được tới máy chủ.';
  return BY_STATUS[status] ?? (status >= 500 ? 'Máy chủ gặp sự cố, vui lòng thử lại sau.' : `Lỗi ${status}.`);
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Đã xảy ra lỗi.';
}
