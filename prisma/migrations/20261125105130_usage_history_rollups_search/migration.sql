-- DropIndex
DROP INDEX "call_records_purchased_number_id_started_at_idx";

-- DropIndex
DROP INDEX "call_records_user_id_started_at_id_idx";

-- DropIndex
DROP INDEX "sms_messages_purchased_number_id_received_at_idx";

-- DropIndex
DROP INDEX "sms_messages_user_id_received_at_id_idx";

-- AlterTable
ALTER TABLE "data_exports" ADD COLUMN     "downloaded_at" TIMESTAMPTZ(3),
ADD COLUMN     "row_count" INTEGER;

-- AlterTable
ALTER TABLE "sms_messages" ADD COLUMN     "search_vector" tsvector;

-- CreateTable
CREATE TABLE "call_daily_stats" (
    "purchased_number_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "user_id" UUID NOT NULL,
    "calls" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "seconds" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_daily_stats_pkey" PRIMARY KEY ("purchased_number_id","day","direction")
);

-- CreateTable
CREATE TABLE "caller_monthly_stats" (
    "purchased_number_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "calls" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "seconds" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "caller_monthly_stats_pkey" PRIMARY KEY ("purchased_number_id","month","source")
);

-- CreateIndex
CREATE INDEX "call_daily_stats_user_id_day_idx" ON "call_daily_stats"("user_id", "day");

-- CreateIndex
CREATE INDEX "caller_monthly_stats_user_id_month_idx" ON "caller_monthly_stats"("user_id", "month");

-- CreateIndex
CREATE INDEX "call_records_user_started_id_idx" ON "call_records"("user_id", "started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_records_number_started_id_idx" ON "call_records"("purchased_number_id", "started_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "call_records_source_trgm_idx" ON "call_records" USING GIN ("source" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "sms_messages_user_received_id_idx" ON "sms_messages"("user_id", "received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "sms_messages_number_received_id_idx" ON "sms_messages"("purchased_number_id", "received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "sms_messages_search_vector_idx" ON "sms_messages" USING GIN ("search_vector");

-- Hand-written: keep sms_messages.search_vector in step with the message. The 'simple'
-- configuration (no stemming, no stop words) because messages arrive in every language.
CREATE FUNCTION sms_messages_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := to_tsvector('simple', coalesce(NEW.body, '') || ' ' || coalesce(NEW.from_number, ''));
  RETURN NEW;
END
$$;

CREATE TRIGGER sms_messages_search_vector
  BEFORE INSERT OR UPDATE OF body, from_number ON sms_messages
  FOR EACH ROW EXECUTE FUNCTION sms_messages_search_vector();
