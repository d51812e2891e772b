-- CreateTable
CREATE TABLE "user_caller_monthly_stats" (
    "user_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL,
    "seconds" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_caller_monthly_stats_pkey" PRIMARY KEY ("user_id","month","source")
);
