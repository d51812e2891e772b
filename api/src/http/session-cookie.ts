import type { Response } from 'express';
import type { SessionApp } from '../generated/prisma/enums';
import type { SessionCookie } from '../graphql/context';
import { SESSION_COOKIE } from './request-auth';

export function sessionCookie(res: Response, app: SessionApp, secure: boolean): SessionCookie {
  const name = SESSION_COOKIE[app];
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    set: (token, expiresAt) => res.cookie(name, token, { ...base, expires: expiresAt }),
    clear: () => res.clearCookie(name, base),
  };
}
