-- Trigram matching for the "contains digits" number search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CUSTOMER', 'SUPPORT', 'ADMIN');

-- CreateEnum
CREATE TYPE "SessionApp" AS ENUM ('WEB', 'ADMIN', 'API');

-- CreateEnum
CREATE TYPE "DidGroupKind" AS ENUM ('LOCAL', 'MOBILE', 'NATIONAL', 'TOLL_FREE');

-- CreateEnum
CREATE TYPE "NumberFeature" AS ENUM ('VOICE', 'SMS', 'T38');

-- CreateEnum
CREATE TYPE "AvailableNumberStatus" AS ENUM ('AVAILABLE', 'HELD', 'SOLD', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PricingRuleScope" AS ENUM ('GLOBAL', 'COUNTRY', 'DID_GROUP');

-- CreateEnum
CREATE TYPE "SyncRunKind" AS ENUM ('REFERENCE', 'STOCK');

-- CreateEnum
CREATE TYPE "SyncRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'FULFILLED', 'PARTIALLY_FULFILLED', 'EXPIRED', 'CANCELED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED');

-- CreateEnum
CREATE TYPE "OrderLineStatus" AS ENUM ('PENDING', 'FULFILLED', 'FAILED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('INITIAL', 'RENEWAL');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED');

-- CreateEnum
CREATE TYPE "NumberStatus" AS ENUM ('PENDING', 'PROVISIONING', 'ACTIVE', 'PAST_DUE', 'SUSPENDED', 'RELEASING', 'RELEASED', 'FAILED');

-- CreateEnum
CREATE TYPE "ProvisioningStep" AS ENUM ('RESERVE', 'ORDER', 'AWAIT_COMPLETION', 'ROUTE', 'RELEASE');

-- CreateEnum
CREATE TYPE "AttemptOutcome" AS ENUM ('STARTED', 'SUCCEEDED', 'TRANSIENT_FAILURE', 'PERMANENT_FAILURE');

-- CreateEnum
CREATE TYPE "ConfigSyncState" AS ENUM ('SAVED', 'APPLYING', 'APPLIED', 'FAILED');

-- CreateEnum
CREATE TYPE "OutOfHoursAction" AS ENUM ('FORWARD', 'VOICEMAIL', 'REJECT');

-- CreateEnum
CREATE TYPE "ForwardTargetKind" AS ENUM ('PHONE', 'SIP');

-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('ANSWERED', 'MISSED', 'BUSY', 'FAILED', 'VOICEMAIL');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('EMAIL', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateEnum
CREATE TYPE "ExportKind" AS ENUM ('CALL_RECORDS', 'SMS_MESSAGES');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'CUSTOMER',
    "stripe_customer_id" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "app" "SessionApp" NOT NULL DEFAULT 'WEB',
    "ip" TEXT,
    "user_agent" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "countries" (
    "id" UUID NOT NULL,
    "didww_id" TEXT NOT NULL,
    "iso_code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "calling_code" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "countries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regions" (
    "id" UUID NOT NULL,
    "didww_id" TEXT NOT NULL,
    "country_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "regions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cities" (
    "id" UUID NOT NULL,
    "didww_id" TEXT NOT NULL,
    "country_id" UUID NOT NULL,
    "region_id" UUID,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "did_groups" (
    "id" UUID NOT NULL,
    "didww_id" TEXT NOT NULL,
    "country_id" UUID NOT NULL,
    "region_id" UUID,
    "city_id" UUID,
    "kind" "DidGroupKind" NOT NULL,
    "prefix" TEXT NOT NULL,
    "area_code" TEXT,
    "area_name" TEXT NOT NULL,
    "features" "NumberFeature"[],
    "is_metered" BOOLEAN NOT NULL DEFAULT false,
    "allow_additional_channels" BOOLEAN NOT NULL DEFAULT false,
    "requires_documents" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "did_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skus" (
    "id" UUID NOT NULL,
    "didww_id" TEXT NOT NULL,
    "did_group_id" UUID NOT NULL,
    "setup_cost" INTEGER NOT NULL,
    "monthly_cost" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "channels_included" INTEGER NOT NULL DEFAULT 2,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "skus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sku_prices" (
    "id" UUID NOT NULL,
    "sku_id" UUID NOT NULL,
    "setup_price" INTEGER NOT NULL,
    "monthly_price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "rule_ids" TEXT[],
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sku_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "available_numbers" (
    "id" UUID NOT NULL,
    "didww_id" TEXT NOT NULL,
    "e164" TEXT NOT NULL,
    "digits" TEXT NOT NULL,
    "country_id" UUID NOT NULL,
    "region_id" UUID,
    "did_group_id" UUID NOT NULL,
    "sku_id" UUID NOT NULL,
    "area_code" TEXT,
    "features" "NumberFeature"[],
    "setup_price" INTEGER NOT NULL,
    "monthly_price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "AvailableNumberStatus" NOT NULL DEFAULT 'AVAILABLE',
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "available_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pricing_rules" (
    "id" UUID NOT NULL,
    "scope" "PricingRuleScope" NOT NULL,
    "country_id" UUID,
    "did_group_id" UUID,
    "markup_basis_points" INTEGER NOT NULL DEFAULT 0,
    "fixed_markup" INTEGER NOT NULL DEFAULT 0,
    "min_margin" INTEGER NOT NULL DEFAULT 0,
    "round_to" INTEGER NOT NULL DEFAULT 1,
    "setup_fee" INTEGER NOT NULL DEFAULT 0,
    "monthly_fee" INTEGER NOT NULL DEFAULT 0,
    "volume_tiers" JSONB NOT NULL DEFAULT '[]',
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "effective_to" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pricing_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_sync_runs" (
    "id" UUID NOT NULL,
    "kind" "SyncRunKind" NOT NULL,
    "status" "SyncRunStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "created_count" INTEGER NOT NULL DEFAULT 0,
    "updated_count" INTEGER NOT NULL DEFAULT 0,
    "removed_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "triggered_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalog_sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "carts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "carts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cart_items" (
    "id" UUID NOT NULL,
    "cart_id" UUID NOT NULL,
    "available_number_id" UUID NOT NULL,
    "setup_price" INTEGER NOT NULL,
    "monthly_price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "hold_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "didww_reservation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cart_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "reference" SERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING',
    "currency" CHAR(3) NOT NULL,
    "setup_total" INTEGER NOT NULL,
    "monthly_total" INTEGER NOT NULL,
    "due_today" INTEGER NOT NULL,
    "stripe_checkout_session_id" TEXT,
    "stripe_subscription_id" TEXT,
    "checkout_url" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "available_number_id" UUID NOT NULL,
    "e164" TEXT NOT NULL,
    "setup_price" INTEGER NOT NULL,
    "monthly_price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "OrderLineStatus" NOT NULL DEFAULT 'PENDING',
    "refunded_amount" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_events" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "kind" "PaymentKind" NOT NULL DEFAULT 'INITIAL',
    "status" "PaymentStatus" NOT NULL,
    "amount" INTEGER NOT NULL,
    "refunded_amount" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "stripe_payment_intent_id" TEXT,
    "stripe_invoice_id" TEXT,
    "stripe_charge_id" TEXT,
    "failure_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "order_line_id" UUID,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "stripe_refund_id" TEXT,
    "issued_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stripe_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stripe_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "purchased_numbers" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "order_line_id" UUID NOT NULL,
    "country_id" UUID NOT NULL,
    "did_group_id" UUID,
    "e164" TEXT NOT NULL,
    "status" "NumberStatus" NOT NULL DEFAULT 'PENDING',
    "didww_order_reference" TEXT NOT NULL,
    "didww_order_id" TEXT,
    "didww_did_id" TEXT,
    "didww_reservation_id" TEXT,
    "stripe_subscription_item_id" TEXT,
    "paid_until" TIMESTAMPTZ(3),
    "grace_until" TIMESTAMPTZ(3),
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "activated_at" TIMESTAMPTZ(3),
    "released_at" TIMESTAMPTZ(3),
    "failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "purchased_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_status_events" (
    "id" UUID NOT NULL,
    "purchased_number_id" UUID NOT NULL,
    "from_status" "NumberStatus",
    "to_status" "NumberStatus" NOT NULL,
    "cause" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "number_status_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provisioning_attempts" (
    "id" UUID NOT NULL,
    "purchased_number_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "step" "ProvisioningStep" NOT NULL,
    "outcome" "AttemptOutcome" NOT NULL DEFAULT 'STARTED',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "provisioning_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_configurations" (
    "id" UUID NOT NULL,
    "purchased_number_id" UUID NOT NULL,
    "forwarding_enabled" BOOLEAN NOT NULL DEFAULT false,
    "ring_timeout_seconds" INTEGER NOT NULL DEFAULT 30,
    "business_hours_enabled" BOOLEAN NOT NULL DEFAULT false,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "out_of_hours_action" "OutOfHoursAction" NOT NULL DEFAULT 'VOICEMAIL',
    "out_of_hours_destination" TEXT,
    "voicemail_enabled" BOOLEAN NOT NULL DEFAULT false,
    "voicemail_greeting" TEXT,
    "voicemail_email" TEXT,
    "sms_emails" TEXT[],
    "sms_webhook_url" TEXT,
    "sms_webhook_secret" TEXT,
    "sync_state" "ConfigSyncState" NOT NULL DEFAULT 'SAVED',
    "sync_error" TEXT,
    "applied_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "didww_trunk_ids" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "number_configurations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forward_targets" (
    "id" UUID NOT NULL,
    "configuration_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ForwardTargetKind" NOT NULL,
    "destination" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "forward_targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_hours_intervals" (
    "id" UUID NOT NULL,
    "configuration_id" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "business_hours_intervals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holidays" (
    "id" UUID NOT NULL,
    "configuration_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "holidays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_records" (
    "id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "purchased_number_id" UUID NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "status" "CallStatus" NOT NULL,
    "source" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "disconnect_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "call_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_messages" (
    "id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "purchased_number_id" UUID NOT NULL,
    "direction" "MessageDirection" NOT NULL DEFAULT 'INBOUND',
    "from_number" TEXT NOT NULL,
    "to_number" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sms_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_deliveries" (
    "id" UUID NOT NULL,
    "sms_message_id" UUID NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "response_code" INTEGER,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sms_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "voicemail_messages" (
    "id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "purchased_number_id" UUID NOT NULL,
    "caller" TEXT NOT NULL,
    "duration_seconds" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "listened_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "voicemail_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_exports" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "ExportKind" NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_exports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "to_address" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "dedupe_key" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_stripe_customer_id_key" ON "users"("stripe_customer_id");

-- CreateIndex
CREATE INDEX "users_role_created_at_idx" ON "users"("role", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_user_id_idx" ON "api_keys"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "countries_didww_id_key" ON "countries"("didww_id");

-- CreateIndex
CREATE UNIQUE INDEX "countries_iso_code_key" ON "countries"("iso_code");

-- CreateIndex
CREATE INDEX "countries_enabled_name_idx" ON "countries"("enabled", "name");

-- CreateIndex
CREATE UNIQUE INDEX "regions_didww_id_key" ON "regions"("didww_id");

-- CreateIndex
CREATE INDEX "regions_country_id_name_idx" ON "regions"("country_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "cities_didww_id_key" ON "cities"("didww_id");

-- CreateIndex
CREATE INDEX "cities_country_id_idx" ON "cities"("country_id");

-- CreateIndex
CREATE INDEX "cities_region_id_idx" ON "cities"("region_id");

-- CreateIndex
CREATE UNIQUE INDEX "did_groups_didww_id_key" ON "did_groups"("didww_id");

-- CreateIndex
CREATE INDEX "did_groups_country_id_area_code_idx" ON "did_groups"("country_id", "area_code");

-- CreateIndex
CREATE INDEX "did_groups_region_id_idx" ON "did_groups"("region_id");

-- CreateIndex
CREATE INDEX "did_groups_city_id_idx" ON "did_groups"("city_id");

-- CreateIndex
CREATE UNIQUE INDEX "skus_didww_id_key" ON "skus"("didww_id");

-- CreateIndex
CREATE INDEX "skus_did_group_id_idx" ON "skus"("did_group_id");

-- CreateIndex
CREATE INDEX "sku_prices_sku_id_effective_from_idx" ON "sku_prices"("sku_id", "effective_from" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "available_numbers_didww_id_key" ON "available_numbers"("didww_id");

-- CreateIndex
CREATE UNIQUE INDEX "available_numbers_e164_key" ON "available_numbers"("e164");

-- CreateIndex
CREATE INDEX "available_numbers_country_id_status_e164_idx" ON "available_numbers"("country_id", "status", "e164");

-- CreateIndex
CREATE INDEX "available_numbers_country_id_status_monthly_price_e164_idx" ON "available_numbers"("country_id", "status", "monthly_price", "e164");

-- CreateIndex
CREATE INDEX "available_numbers_country_id_area_code_status_monthly_price_idx" ON "available_numbers"("country_id", "area_code", "status", "monthly_price", "e164");

-- CreateIndex
CREATE INDEX "available_numbers_digits_trgm_idx" ON "available_numbers" USING GIN ("digits" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "available_numbers_region_id_idx" ON "available_numbers"("region_id");

-- CreateIndex
CREATE INDEX "available_numbers_did_group_id_idx" ON "available_numbers"("did_group_id");

-- CreateIndex
CREATE INDEX "available_numbers_sku_id_idx" ON "available_numbers"("sku_id");

-- CreateIndex
CREATE INDEX "pricing_rules_scope_effective_from_idx" ON "pricing_rules"("scope", "effective_from");

-- CreateIndex
CREATE INDEX "pricing_rules_country_id_idx" ON "pricing_rules"("country_id");

-- CreateIndex
CREATE INDEX "pricing_rules_did_group_id_idx" ON "pricing_rules"("did_group_id");

-- CreateIndex
CREATE INDEX "pricing_rules_created_by_id_idx" ON "pricing_rules"("created_by_id");

-- CreateIndex
CREATE INDEX "catalog_sync_runs_kind_created_at_idx" ON "catalog_sync_runs"("kind", "created_at" DESC);

-- CreateIndex
CREATE INDEX "catalog_sync_runs_triggered_by_id_idx" ON "catalog_sync_runs"("triggered_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "carts_user_id_key" ON "carts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "cart_items_available_number_id_key" ON "cart_items"("available_number_id");

-- CreateIndex
CREATE INDEX "cart_items_cart_id_idx" ON "cart_items"("cart_id");

-- CreateIndex
CREATE INDEX "cart_items_hold_expires_at_idx" ON "cart_items"("hold_expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "orders_reference_key" ON "orders"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "orders_stripe_checkout_session_id_key" ON "orders"("stripe_checkout_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "orders_stripe_subscription_id_key" ON "orders"("stripe_subscription_id");

-- CreateIndex
CREATE INDEX "orders_user_id_created_at_idx" ON "orders"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "orders_status_created_at_idx" ON "orders"("status", "created_at");

-- CreateIndex
CREATE INDEX "order_lines_order_id_idx" ON "order_lines"("order_id");

-- CreateIndex
CREATE INDEX "order_lines_available_number_id_idx" ON "order_lines"("available_number_id");

-- CreateIndex
CREATE INDEX "order_events_order_id_created_at_idx" ON "order_events"("order_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "payments_stripe_invoice_id_key" ON "payments"("stripe_invoice_id");

-- CreateIndex
CREATE INDEX "payments_order_id_idx" ON "payments"("order_id");

-- CreateIndex
CREATE INDEX "payments_stripe_payment_intent_id_idx" ON "payments"("stripe_payment_intent_id");

-- CreateIndex
CREATE INDEX "payments_stripe_charge_id_idx" ON "payments"("stripe_charge_id");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_stripe_refund_id_key" ON "refunds"("stripe_refund_id");

-- CreateIndex
CREATE INDEX "refunds_payment_id_idx" ON "refunds"("payment_id");

-- CreateIndex
CREATE INDEX "refunds_order_line_id_idx" ON "refunds"("order_line_id");

-- CreateIndex
CREATE INDEX "refunds_issued_by_id_idx" ON "refunds"("issued_by_id");

-- CreateIndex
CREATE INDEX "stripe_events_type_processed_at_idx" ON "stripe_events"("type", "processed_at");

-- CreateIndex
CREATE UNIQUE INDEX "purchased_numbers_order_line_id_key" ON "purchased_numbers"("order_line_id");

-- CreateIndex
CREATE UNIQUE INDEX "purchased_numbers_didww_order_reference_key" ON "purchased_numbers"("didww_order_reference");

-- CreateIndex
CREATE UNIQUE INDEX "purchased_numbers_didww_did_id_key" ON "purchased_numbers"("didww_did_id");

-- CreateIndex
CREATE INDEX "purchased_numbers_user_id_created_at_idx" ON "purchased_numbers"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "purchased_numbers_status_updated_at_idx" ON "purchased_numbers"("status", "updated_at");

-- CreateIndex
CREATE INDEX "purchased_numbers_country_id_idx" ON "purchased_numbers"("country_id");

-- CreateIndex
CREATE INDEX "purchased_numbers_did_group_id_idx" ON "purchased_numbers"("did_group_id");

-- CreateIndex
CREATE INDEX "purchased_numbers_e164_idx" ON "purchased_numbers"("e164");

-- CreateIndex
CREATE INDEX "number_status_events_purchased_number_id_created_at_idx" ON "number_status_events"("purchased_number_id", "created_at");

-- CreateIndex
CREATE INDEX "provisioning_attempts_purchased_number_id_started_at_idx" ON "provisioning_attempts"("purchased_number_id", "started_at");

-- CreateIndex
CREATE INDEX "provisioning_attempts_outcome_started_at_idx" ON "provisioning_attempts"("outcome", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "number_configurations_purchased_number_id_key" ON "number_configurations"("purchased_number_id");

-- CreateIndex
CREATE UNIQUE INDEX "forward_targets_configuration_id_position_key" ON "forward_targets"("configuration_id", "position");

-- CreateIndex
CREATE INDEX "business_hours_intervals_configuration_id_weekday_idx" ON "business_hours_intervals"("configuration_id", "weekday");

-- CreateIndex
CREATE UNIQUE INDEX "holidays_configuration_id_date_key" ON "holidays"("configuration_id", "date");

-- CreateIndex
CREATE UNIQUE INDEX "call_records_external_id_key" ON "call_records"("external_id");

-- CreateIndex
CREATE INDEX "call_records_user_id_started_at_id_idx" ON "call_records"("user_id", "started_at" DESC, "id");

-- CreateIndex
CREATE INDEX "call_records_purchased_number_id_started_at_idx" ON "call_records"("purchased_number_id", "started_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "sms_messages_external_id_key" ON "sms_messages"("external_id");

-- CreateIndex
CREATE INDEX "sms_messages_user_id_received_at_id_idx" ON "sms_messages"("user_id", "received_at" DESC, "id");

-- CreateIndex
CREATE INDEX "sms_messages_purchased_number_id_received_at_idx" ON "sms_messages"("purchased_number_id", "received_at" DESC);

-- CreateIndex
CREATE INDEX "sms_deliveries_status_created_at_idx" ON "sms_deliveries"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sms_deliveries_sms_message_id_channel_target_key" ON "sms_deliveries"("sms_message_id", "channel", "target");

-- CreateIndex
CREATE UNIQUE INDEX "voicemail_messages_external_id_key" ON "voicemail_messages"("external_id");

-- CreateIndex
CREATE INDEX "voicemail_messages_purchased_number_id_received_at_idx" ON "voicemail_messages"("purchased_number_id", "received_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "data_exports_token_hash_key" ON "data_exports"("token_hash");

-- CreateIndex
CREATE INDEX "data_exports_user_id_idx" ON "data_exports"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_dedupe_key_key" ON "email_outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "email_outbox_status_created_at_idx" ON "email_outbox"("status", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_user_id_idx" ON "email_outbox"("user_id");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_created_at_idx" ON "audit_logs"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_logs_target_type_target_id_idx" ON "audit_logs"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cities" ADD CONSTRAINT "cities_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cities" ADD CONSTRAINT "cities_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "did_groups" ADD CONSTRAINT "did_groups_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "did_groups" ADD CONSTRAINT "did_groups_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "did_groups" ADD CONSTRAINT "did_groups_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skus" ADD CONSTRAINT "skus_did_group_id_fkey" FOREIGN KEY ("did_group_id") REFERENCES "did_groups"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sku_prices" ADD CONSTRAINT "sku_prices_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "skus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "available_numbers" ADD CONSTRAINT "available_numbers_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "available_numbers" ADD CONSTRAINT "available_numbers_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "available_numbers" ADD CONSTRAINT "available_numbers_did_group_id_fkey" FOREIGN KEY ("did_group_id") REFERENCES "did_groups"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "available_numbers" ADD CONSTRAINT "available_numbers_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "skus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pricing_rules" ADD CONSTRAINT "pricing_rules_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pricing_rules" ADD CONSTRAINT "pricing_rules_did_group_id_fkey" FOREIGN KEY ("did_group_id") REFERENCES "did_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pricing_rules" ADD CONSTRAINT "pricing_rules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_sync_runs" ADD CONSTRAINT "catalog_sync_runs_triggered_by_id_fkey" FOREIGN KEY ("triggered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_available_number_id_fkey" FOREIGN KEY ("available_number_id") REFERENCES "available_numbers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_available_number_id_fkey" FOREIGN KEY ("available_number_id") REFERENCES "available_numbers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchased_numbers" ADD CONSTRAINT "purchased_numbers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchased_numbers" ADD CONSTRAINT "purchased_numbers_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchased_numbers" ADD CONSTRAINT "purchased_numbers_country_id_fkey" FOREIGN KEY ("country_id") REFERENCES "countries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchased_numbers" ADD CONSTRAINT "purchased_numbers_did_group_id_fkey" FOREIGN KEY ("did_group_id") REFERENCES "did_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "number_status_events" ADD CONSTRAINT "number_status_events_purchased_number_id_fkey" FOREIGN KEY ("purchased_number_id") REFERENCES "purchased_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provisioning_attempts" ADD CONSTRAINT "provisioning_attempts_purchased_number_id_fkey" FOREIGN KEY ("purchased_number_id") REFERENCES "purchased_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "number_configurations" ADD CONSTRAINT "number_configurations_purchased_number_id_fkey" FOREIGN KEY ("purchased_number_id") REFERENCES "purchased_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forward_targets" ADD CONSTRAINT "forward_targets_configuration_id_fkey" FOREIGN KEY ("configuration_id") REFERENCES "number_configurations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "business_hours_intervals" ADD CONSTRAINT "business_hours_intervals_configuration_id_fkey" FOREIGN KEY ("configuration_id") REFERENCES "number_configurations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_configuration_id_fkey" FOREIGN KEY ("configuration_id") REFERENCES "number_configurations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_purchased_number_id_fkey" FOREIGN KEY ("purchased_number_id") REFERENCES "purchased_numbers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_purchased_number_id_fkey" FOREIGN KEY ("purchased_number_id") REFERENCES "purchased_numbers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_deliveries" ADD CONSTRAINT "sms_deliveries_sms_message_id_fkey" FOREIGN KEY ("sms_message_id") REFERENCES "sms_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voicemail_messages" ADD CONSTRAINT "voicemail_messages_purchased_number_id_fkey" FOREIGN KEY ("purchased_number_id") REFERENCES "purchased_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
