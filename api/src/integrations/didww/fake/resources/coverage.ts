/** Read-only coverage: countries, regions, cities, did_group_types, did_groups, stock_keeping_units. */
import { list, route, single, type Ctx, type Route } from '../context';
import { requireFilters, type FakeResource } from '../jsonapi';

const present = (ctx: Ctx, type: string, ids: Iterable<string>): FakeResource[] =>
  [...ids].map((id) => ctx.present.resolve(type, id)).filter((r): r is FakeResource => r !== undefined);

export const coverageRoutes: Route[] = [
  route('GET', '/countries', (ctx) => {
    requireFilters(ctx.query, ['name', 'iso', 'prefix', 'id']);
    const f = ctx.query.filter;
    const ids = [...ctx.store.countries.values()]
      .filter((c) => (!f.name || c.name.toLowerCase().includes(f.name.toLowerCase())) && (!f.iso || c.iso === f.iso.toUpperCase()) && (!f.prefix || c.prefix === f.prefix) && (!f.id || c.id === f.id))
      .map((c) => c.id);
    return list(ctx, present(ctx, 'countries', ids));
  }),
  route('GET', '/countries/:id', (ctx) => single(ctx, ctx.present.resolve('countries', ctx.params.id!))),

  route('GET', '/regions', (ctx) => {
    requireFilters(ctx.query, ['country.id', 'name', 'iso']);
    const f = ctx.query.filter;
    const ids = [...ctx.store.regions.values()]
      .filter((r) => (!f['country.id'] || r.countryId === f['country.id']) && (!f.name || r.name === f.name) && (!f.iso || r.iso === f.iso))
      .map((r) => r.id);
    return list(ctx, present(ctx, 'regions', ids));
  }),
  route('GET', '/regions/:id', (ctx) => single(ctx, ctx.present.resolve('regions', ctx.params.id!))),

  route('GET', '/cities', (ctx) => {
    requireFilters(ctx.query, ['country.id', 'region.id', 'name']);
    const f = ctx.query.filter;
    const ids = [...ctx.store.cities.values()]
      .filter((c) => (!f['country.id'] || c.countryId === f['country.id']) && (!f['region.id'] || c.regionId === f['region.id']) && (!f.name || c.name === f.name))
      .map((c) => c.id);
    return list(ctx, present(ctx, 'cities', ids));
  }),
  route('GET', '/cities/:id', (ctx) => single(ctx, ctx.present.resolve('cities', ctx.params.id!))),

  route('GET', '/did_group_types', (ctx) => list(ctx, present(ctx, 'did_group_types', ctx.store.groupTypes.keys()))),
  route('GET', '/did_group_types/:id', (ctx) => single(ctx, ctx.present.resolve('did_group_types', ctx.params.id!))),

  route('GET', '/did_groups', (ctx) => {
    const numberType = ctx.present.relNames('did_groups').includes('did_group_type') === false;
    requireFilters(ctx.query, [
      'country.id', 'region.id', 'city.id', 'area_name', 'prefix', 'features', 'is_metered', 'id',
      ...(numberType ? ['number_type'] : ['did_group_type.id']),
    ]);
    const f = ctx.query.filter;
    const ids = [...ctx.store.groups.values()]
      .filter((g) =>
        (!f['country.id'] || g.countryId === f['country.id']) && (!f['region.id'] || g.regionId === f['region.id']) &&
        (!f['city.id'] || g.cityId === f['city.id']) && (!f['did_group_type.id'] || g.didGroupTypeId === f['did_group_type.id']) &&
        (!f.number_type || g.type.toLowerCase().replace('-', '_') === f.number_type) &&
        (!f.area_name || g.areaName === f.area_name) && (!f.prefix || g.prefix === f.prefix) &&
        (!f.id || g.id === f.id) && (!f.is_metered || String(g.isMetered) === f.is_metered) &&
        (!f.features || f.features.split(',').every((x) => g.features.includes(x.replace(/_in$/, '') as never))))
      .map((g) => g.id);
    return list(ctx, present(ctx, 'did_groups', ids));
  }),
  route('GET', '/did_groups/:id', (ctx) => single(ctx, ctx.present.resolve('did_groups', ctx.params.id!))),

  route('GET', '/stock_keeping_units/:id', (ctx) => single(ctx, ctx.present.resolve('stock_keeping_units', ctx.params.id!))),
];
