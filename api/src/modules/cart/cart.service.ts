import type pg from 'pg';
import { Prisma } from '../../generated/prisma/client';
import { ErrorCode, fail, ok, userError, type Result } from '../../graphql/errors';
import { toMoney } from '../../graphql/money.type';
import { money, sumMoney } from '../../lib/money';
import type { CatalogService } from '../catalog/catalog.service';
import type { ModuleDeps } from '../module-deps';
import { priceForQuantity } from '../pricing/markup';
import type { PricingService } from '../pricing/pricing.service';
import type { Cart, CartItem } from './cart.types';
import { pgRunner, pgTransaction } from '../../db/sql-runner';
import { dropItems, expiredItemIds, inOpenCheckout, lockCart, takeHold } from './holds';
import { UUID } from '../../lib/ids';

export const CART_ITEM_LIMIT = 10;

interface ItemRow {
  id: string;
  availableNumberId: string;
  skuId: string;
  setupPrice: number;
  monthlyPrice: number;
  currency: string;
  holdExpiresAt: Date;
  inCheckout: boolean;
}

/** Carts and the holds their items place on numbers. */
export class CartService {
  constructor(
    private readonly deps: ModuleDeps,
    /** Holds run on pg directly: the hot path of the storefront (see db/sql-runner.ts). */
    private readonly pool: pg.Pool,
    private readonly catalog: CatalogService,
    private readonly pricing: PricingService,
  ) {}

  private get holdMs(): number {
    return this.deps.config.HOLD_MINUTES * 60_000;
  }

  async cart(userId: string): Promise<Cart> {
    const items = await this.itemRows(userId);
    return this.view(items);
  }

  async add(userId: string, availableNumberId: string): Promise<Result<true>> {
    if (!UUID.test(availableNumberId)) {
      return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['availableNumberId']));
    }
    const now = this.deps.clock.now();
    const outcome = await pgTransaction(this.pool, async (sql) => {
      const state = await lockCart(sql, userId, availableNumberId, now);
      if (state.mine_live) return 'already' as const;
      if (state.mine_id) await dropItems(sql, [state.mine_id], now);
      if (state.live >= CART_ITEM_LIMIT) return 'full' as const;
      if (!state.exists) return 'missing' as const;
      const hold = await takeHold(sql, { cartId: state.cart_id, availableNumberId, now, expiresAt: new Date(now.getTime() + this.holdMs) });
      return hold.taken ? ('added' as const) : ('unavailable' as const);
    });
    switch (outcome) {
      case 'missing':
        return fail(userError(ErrorCode.NOT_FOUND, 'No such number.', ['availableNumberId']));
      case 'full':
        return fail(userError(ErrorCode.VALIDATION, `Your cart can hold up to ${CART_ITEM_LIMIT} numbers. Check out or remove one first.`, ['availableNumberId']));
      case 'unavailable':
        return fail(userError(ErrorCode.NUMBER_UNAVAILABLE, 'Sorry, someone else has just taken this number.', ['availableNumberId']));
      default:
        return ok(true);
    }
  }

  async remove(userId: string, cartItemId: string): Promise<Result<true>> {
    const notFound = fail<true>(userError(ErrorCode.NOT_FOUND, 'That item is not in your cart.', ['cartItemId']));
    if (!UUID.test(cartItemId)) return notFound;
    const items = await this.itemRows(userId);
    const item = items.find((i) => i.id === cartItemId);
    if (!item) return notFound;
    if (item.inCheckout) {
      return fail(userError(ErrorCode.VALIDATION, 'This number is in a checkout that is still open. Finish or cancel it first.', ['cartItemId']));
    }
    await pgTransaction(this.pool, (sql) => dropItems(sql, [cartItemId], this.deps.clock.now()));
    return ok(true);
  }

  /** The hold-expiry job: drops holds that ran out, a batch at a time. Safe to run twice. */
  async expireHolds(limit = 500): Promise<number> {
    const now = this.deps.clock.now();
    const ids = await expiredItemIds(pgRunner(this.pool), now, limit);
    return pgTransaction(this.pool, (sql) => dropItems(sql, ids, now));
  }

  /** The live items of a user's cart: what checkout turns into order lines. */
  async liveItems(userId: string): Promise<{ live: ItemRow[]; expired: ItemRow[] }> {
    const now = this.deps.clock.now();
    const items = await this.itemRows(userId);
    return { live: items.filter((i) => i.holdExpiresAt > now || i.inCheckout), expired: items.filter((i) => i.holdExpiresAt <= now && !i.inCheckout) };
  }

  /** Monthly prices after the volume tiers of each item's pricing rule, for `quantity` numbers bought together. */
  async discountedMonthly(items: Array<{ skuId: string; monthlyPrice: number }>): Promise<number[]> {
    // Tiers start at two numbers: a single number never has a volume discount.
    if (items.length < 2) return items.map((i) => i.monthlyPrice);
    const quotes = await this.pricing.quotes(items.map((i) => i.skuId));
    return items.map((i) => {
      const quote = quotes.get(i.skuId);
      return quote ? priceForQuantity(quote.rule, { price: i.monthlyPrice, cost: quote.monthlyCost }, items.length) : i.monthlyPrice;
    });
  }

  private async itemRows(userId: string): Promise<ItemRow[]> {
    return this.deps.prisma.$queryRaw<ItemRow[]>`
      SELECT ci.id, ci.available_number_id AS "availableNumberId", n.sku_id AS "skuId", ci.setup_price AS "setupPrice",
             ci.monthly_price AS "monthlyPrice", trim(ci.currency) AS currency, ci.hold_expires_at AS "holdExpiresAt",
             ${inOpenCheckout(Prisma.sql`ci.available_number_id`)} AS "inCheckout"
      FROM cart_items ci JOIN carts c ON c.id = ci.cart_id JOIN available_numbers n ON n.id = ci.available_number_id
      WHERE c.user_id = ${userId}::uuid
      ORDER BY ci.created_at, ci.id`;
  }

  private async view(items: ItemRow[]): Promise<Cart> {
    const now = this.deps.clock.now();
    const currency = items[0]?.currency ?? 'USD';
    const numbers = await this.catalog.numbers(items.map((i) => i.availableNumberId), { includeHidden: true });
    const byId = new Map(numbers.map((n) => [n.id, n]));
    const live = items.filter((i) => i.holdExpiresAt > now || i.inCheckout);
    const discounted = await this.discountedMonthly(live);
    const discountOf = new Map(live.map((i, k) => [i.id, discounted[k]!]));
    const views: CartItem[] = items
      .filter((i) => byId.has(i.availableNumberId))
      .map((i) => ({
        id: i.id,
        availableNumber: byId.get(i.availableNumberId)!,
        holdExpiresAt: i.holdExpiresAt,
        setupPrice: toMoney(money(i.setupPrice, i.currency)),
        monthlyPrice: toMoney(money(i.monthlyPrice, i.currency)),
        discountedMonthlyPrice: toMoney(money(discountOf.get(i.id) ?? i.monthlyPrice, i.currency)),
        expired: i.holdExpiresAt <= now && !i.inCheckout,
        inCheckout: i.inCheckout,
      }));
    const setupTotal = sumMoney(live.map((i) => money(i.setupPrice, i.currency)), currency);
    const monthlyTotal = sumMoney(live.map((i) => money(discountOf.get(i.id)!, i.currency)), currency);
    return {
      items: views,
      setupTotal: toMoney(setupTotal),
      monthlyTotal: toMoney(monthlyTotal),
      dueToday: toMoney(money(setupTotal.amount + monthlyTotal.amount, currency)),
      itemLimit: CART_ITEM_LIMIT,
    };
  }
}
