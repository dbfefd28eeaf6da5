-- Every lead.created and estimate.status_changed event looks up the lead's latest appointment
-- (CustomerRecords.appointmentForLead: WHERE lead_id = ? ORDER BY created_at DESC LIMIT 1); the
-- API's schema indexes appointments only by start_at and status, so without this each such event
-- would scan the whole table. Built CONCURRENTLY, like V3, so the API keeps writing meanwhile
-- (Flyway runs this file outside a transaction for that reason).
CREATE INDEX CONCURRENTLY IF NOT EXISTS appointments_lead_created_idx
    ON appointments (lead_id, created_at DESC);
