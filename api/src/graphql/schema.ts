import 'reflect-metadata';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AdminResolver } from '../modules/admin/admin.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { CatalogSyncResolver } from '../modules/catalog-sync/catalog-sync.resolver';
import { CatalogResolver } from '../modules/catalog/catalog.resolver';
import { PricingResolver } from '../modules/pricing/pricing.resolver';
import { EmailResolver } from '../modules/email/email.resolver';
import { CartResolver } from '../modules/cart/cart.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { CheckoutResolver } from '../modules/checkout/checkout.resolver';
import { OrdersResolver } from '../modules/orders/orders.resolver';
import { OrderLineNumberResolver, OrderUpdatesResolver } from '../modules/orders/order-updates.resolver';
import { NumbersResolver } from '../modules/numbers/numbers.resolver';
import { ProvisioningResolver } from '../modules/provisioning/provisioning.resolver';
import { UsageResolver } from '../modules/usage/usage.resolver';
import { MessagingResolver } from '../modules/messaging/messaging.resolver';
import { ExportsResolver } from '../modules/exports/exports.resolver';
import { NumberConfigResolver, NumberConfigurationFieldResolver } from '../modules/number-config/number-config.resolver';
import { createPubSub } from '@graphql-yoga/subscription';
import { authChecker } from './auth-checker';

export const resolvers = [
  AuthResolver, AdminResolver, CatalogResolver, PricingResolver, CatalogSyncResolver, EmailResolver, CartResolver, OrdersResolver, CheckoutResolver, AuditResolver,
  OrderUpdatesResolver, OrderLineNumberResolver, NumbersResolver, ProvisioningResolver, UsageResolver, MessagingResolver, ExportsResolver,
  NumberConfigResolver, NumberConfigurationFieldResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is a pure function of the code, so one build serves every server in the process. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    authChecker,
    authMode: 'error',
    // type-graphql requires a pubSub once there are subscriptions. Ours take their events from each
    // server's own RealtimeHub (services.realtime, fed by its LISTEN connection) through `subscribe`,
    // so this one only satisfies the builder: the schema is shared by every server in a process.
    pubSub: createPubSub(),
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  });
  return built;
}
