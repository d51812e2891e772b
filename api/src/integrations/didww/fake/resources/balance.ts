import { route, single, type Route } from '../context';

export const balanceRoutes: Route[] = [route('GET', '/balance', (ctx) => single(ctx, ctx.present.balance()))];
