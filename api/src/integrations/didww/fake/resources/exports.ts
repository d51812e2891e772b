/**
 * CDR exports: `exports` (export_type cdr_in, filters from/to[/did_number]) and the legacy
 * `cdr_exports` (filters year/month[/did_number]). They complete after a short delay; the file is
 * a gzipped CSV at `<origin>/v3/<resource>/<id>.csv.gz`.
 */
import { incoming, list, route, single, type Ctx, type Route } from '../context';
import { errors } from '../jsonapi';
import type { ExportRec } from '../store';

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function create(ctx: Ctx, resource: ExportRec['resource']) {
  const a = incoming(ctx, resource).attributes;
  const raw = a.filters;
  if (!raw || typeof raw !== 'object') throw errors.validation('/data/attributes/filters', "filters - can't be blank");
  const f = Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  let exportType: string | null = null;
  if (resource === 'exports') {
    exportType = typeof a.export_type === 'string' ? a.export_type : 'cdr_in';
    if (exportType !== 'cdr_in') throw errors.validation('/data/attributes/export_type', 'export_type - only cdr_in is supported by the fake');
  }
  const byRange = f.from !== undefined || f.to !== undefined;
  if (byRange) {
    for (const k of ['from', 'to'] as const) {
      if (!DATE_TIME.test(f[k] ?? '')) throw errors.validation(`/data/attributes/filters/${k}`, `${k} - must look like YYYY-MM-DD hh:mm:ss`);
    }
  } else {
    const y = Number(f.year);
    const m = Number(f.month);
    if (!Number.isInteger(y) || y < 2000) throw errors.validation('/data/attributes/filters/year', 'year - is invalid');
    if (!Number.isInteger(m) || m < 1 || m > 12) throw errors.validation('/data/attributes/filters/month', 'month - is invalid');
  }
  const method = typeof a.callback_method === 'string' ? a.callback_method.toLowerCase() : null;
  const exp: ExportRec = {
    id: ctx.store.newId(), resource, exportType, status: 'Pending', createdAt: ctx.store.now(), filters: f,
    callbackUrl: typeof a.callback_url === 'string' ? a.callback_url : null, callbackMethod: method,
    externalReferenceId: typeof a.external_reference_id === 'string' ? a.external_reference_id : null, file: null,
  };
  ctx.store.exports.set(exp.id, exp);
  ctx.lifecycle.scheduleExport(exp);
  return single(ctx, ctx.present.export(exp, ctx.origin), 201);
}

function download(ctx: Ctx, resource: ExportRec['resource']) {
  const id = ctx.params.file!.replace(/\.csv(\.gz)?$/, '');
  const exp = ctx.store.exports.get(id);
  if (!exp || exp.resource !== resource || exp.status !== 'Completed' || !exp.file) throw errors.notFound(id);
  return { status: 200, raw: exp.file, contentType: 'application/gzip' };
}

const routesFor = (resource: ExportRec['resource']): Route[] => [
  route('GET', `/${resource}`, (ctx) =>
    list(ctx, [...ctx.store.exports.values()].filter((e) => e.resource === resource).map((e) => ctx.present.export(e, ctx.origin)))),
  route('GET', `/${resource}/:file`, (ctx) => {
    if (/\.csv(\.gz)?$/.test(ctx.params.file!)) return download(ctx, resource);
    const e = ctx.store.exports.get(ctx.params.file!);
    return single(ctx, e && e.resource === resource ? ctx.present.export(e, ctx.origin) : undefined);
  }),
  route('POST', `/${resource}`, (ctx) => create(ctx, resource)),
];

export const exportRoutes: Route[] = [...routesFor('exports'), ...routesFor('cdr_exports')];
