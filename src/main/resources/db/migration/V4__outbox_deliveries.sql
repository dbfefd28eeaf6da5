-- The delivery ledger: one row per message (or hook call) an event sends, so a retried or
-- taken-over event never sends the same thing twice. A row is committed as 'sending' before the
-- provider call and becomes 'sent' or 'failed' after it; 'retry' means a transient failure (the
-- event's next attempt sends again); a row found still 'sending' by a later attempt (the worker died
-- mid-call) becomes 'uncertain' and is never resent automatically.
CREATE TABLE IF NOT EXISTS outbox_deliveries (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    event_id uuid NOT NULL,
    channel text NOT NULL,                 -- sms, email, alert_email, webhook, ga4
    recipient text NOT NULL,               -- phone, address, URL or measurement id
    state text NOT NULL,                   -- sending, sent, failed, retry, uncertain
    provider_message_id text,              -- Twilio SID, SMTP Message-ID, ...
    error text,
    attempts integer NOT NULL DEFAULT 1,   -- provider calls started for this delivery
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT outbox_deliveries_state_check
        CHECK (state IN ('sending', 'sent', 'failed', 'retry', 'uncertain')),
    CONSTRAINT outbox_deliveries_once UNIQUE (event_id, channel, recipient)
);

-- `status`, `deliveries --uncertain` and the metrics look for the few rows needing an operator.
CREATE INDEX IF NOT EXISTS outbox_deliveries_attention_idx
    ON outbox_deliveries (updated_at) WHERE state IN ('uncertain', 'failed');
