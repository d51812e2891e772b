-- CreateIndex
CREATE INDEX "caller_monthly_stats_number_cover_idx" ON "caller_monthly_stats"("purchased_number_id", "month", "user_id", "source", "calls", "answered", "seconds");
