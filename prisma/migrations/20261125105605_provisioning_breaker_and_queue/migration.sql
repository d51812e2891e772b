-- CreateEnum
CREATE TYPE "BreakerState" AS ENUM ('CLOSED', 'OPEN', 'HALF_OPEN');

-- CreateTable
CREATE TABLE "circuit_breakers" (
    "name" TEXT NOT NULL,
    "state" "BreakerState" NOT NULL DEFAULT 'CLOSED',
    "failures" INTEGER NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3),
    "retry_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "circuit_breakers_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "purchased_numbers_status_created_at_idx" ON "purchased_numbers"("status", "created_at");

-- CreateIndex
CREATE INDEX "purchased_numbers_created_at_idx" ON "purchased_numbers"("created_at");
