-- CreateIndex
CREATE INDEX "call_records_user_source_started_id_idx" ON "call_records"("user_id", "source", "started_at" DESC, "id" DESC);
