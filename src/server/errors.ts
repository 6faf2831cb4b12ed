/** HTTP errors: a status, a stable code (the library's codes plus a few HTTP ones) and a message. */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../core/errors.ts';

/** codes only the HTTP layer produces */
export type HttpErrorCode = ErrorCode | 'E_TOO_LARGE' | 'E_MEDIA_TYPE' | 'E_NOT_BUILT';

export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: HttpErrorCode;
  constructor(status: ContentfulStatusCode, code: HttpErrorCode, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } });
