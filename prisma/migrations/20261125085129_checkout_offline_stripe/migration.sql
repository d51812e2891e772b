-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'STORED';

-- CreateTable
CREATE TABLE "offline_stripe_objects" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offline_stripe_objects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "offline_stripe_objects_type_created_at_idx" ON "offline_stripe_objects"("type", "created_at");
