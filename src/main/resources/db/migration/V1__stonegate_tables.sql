-- The StonegateOS API's tables that the worker reads and writes, created only where absent, exactly
-- as the API creates them (see shared/spec/stonegate-api-schema.sql), so a fresh or embedded
-- database behaves like production. On an existing StonegateOS database this changes nothing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'appointment_status') THEN
    CREATE TYPE appointment_status AS ENUM ('requested', 'confirmed', 'completed', 'no_show', 'canceled');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'crm_pipeline_stage') THEN
    CREATE TYPE crm_pipeline_stage AS ENUM ('new', 'contacted', 'qualified', 'quoted', 'won', 'lost');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'lead_status') THEN
    CREATE TYPE lead_status AS ENUM ('new', 'contacted', 'quoted', 'scheduled');
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'quote_status') THEN
    CREATE TYPE quote_status AS ENUM ('pending', 'sent', 'accepted', 'declined');
  END IF;
END
$$;

CREATE TABLE IF NOT EXISTS outbox_events (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    processed_at timestamp with time zone
);

CREATE TABLE IF NOT EXISTS contacts (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email text,
    phone character varying(32),
    phone_e164 character varying(32),
    preferred_contact_method text DEFAULT 'phone'::text,
    source text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS contacts_email_key ON contacts (email);
CREATE UNIQUE INDEX IF NOT EXISTS contacts_phone_e164_key ON contacts (phone_e164);
CREATE UNIQUE INDEX IF NOT EXISTS contacts_phone_key ON contacts (phone);

CREATE TABLE IF NOT EXISTS properties (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    address_line1 text NOT NULL,
    address_line2 text,
    city text NOT NULL,
    state character varying(2) NOT NULL,
    postal_code character varying(16) NOT NULL,
    lat numeric(9,6),
    lng numeric(9,6),
    gated boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS properties_address_key ON properties (address_line1, postal_code, state);
CREATE INDEX IF NOT EXISTS properties_contact_idx ON properties (contact_id);

CREATE TABLE IF NOT EXISTS leads (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    property_id uuid NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
    services_requested text[] NOT NULL,
    notes text,
    surface_area numeric,
    status lead_status DEFAULT 'new'::lead_status NOT NULL,
    source text,
    utm_source text,
    utm_medium text,
    utm_campaign text,
    utm_term text,
    utm_content text,
    gclid text,
    fbclid text,
    referrer text,
    form_payload jsonb,
    quote_estimate numeric,
    quote_id text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    instant_quote_id uuid
);
CREATE INDEX IF NOT EXISTS leads_contact_idx ON leads (contact_id);
CREATE INDEX IF NOT EXISTS leads_instant_quote_idx ON leads (instant_quote_id);
CREATE INDEX IF NOT EXISTS leads_property_idx ON leads (property_id);
CREATE UNIQUE INDEX IF NOT EXISTS leads_quote_idx ON leads (quote_id);

CREATE TABLE IF NOT EXISTS appointments (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    property_id uuid NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
    lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
    type text DEFAULT 'estimate'::text NOT NULL,
    start_at timestamp with time zone,
    duration_min integer DEFAULT 60 NOT NULL,
    status appointment_status DEFAULT 'requested'::appointment_status NOT NULL,
    calendar_event_id text,
    reschedule_token character varying(64) NOT NULL,
    travel_buffer_min integer DEFAULT 30 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    crew text,
    owner text
);
CREATE INDEX IF NOT EXISTS appointments_start_idx ON appointments (start_at);
CREATE INDEX IF NOT EXISTS appointments_status_idx ON appointments (status);

CREATE TABLE IF NOT EXISTS quotes (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    property_id uuid NOT NULL REFERENCES properties(id) ON DELETE CASCADE,
    status quote_status DEFAULT 'pending'::quote_status NOT NULL,
    services jsonb NOT NULL,
    add_ons jsonb,
    surface_area numeric,
    zone_id text NOT NULL,
    travel_fee numeric DEFAULT '0'::numeric NOT NULL,
    discounts numeric DEFAULT '0'::numeric NOT NULL,
    add_ons_total numeric DEFAULT '0'::numeric NOT NULL,
    subtotal numeric NOT NULL,
    total numeric NOT NULL,
    deposit_due numeric NOT NULL,
    deposit_rate numeric NOT NULL,
    balance_due numeric NOT NULL,
    line_items jsonb NOT NULL,
    availability jsonb,
    marketing jsonb,
    notes text,
    share_token text,
    sent_at timestamp with time zone,
    expires_at timestamp with time zone,
    decision_at timestamp with time zone,
    decision_notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_contact_idx ON quotes (contact_id);
CREATE INDEX IF NOT EXISTS quotes_property_idx ON quotes (property_id);
CREATE UNIQUE INDEX IF NOT EXISTS quotes_share_token_key ON quotes (share_token);

CREATE TABLE IF NOT EXISTS crm_pipeline (
    contact_id uuid PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    stage crm_pipeline_stage DEFAULT 'new'::crm_pipeline_stage NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE IF NOT EXISTS blog_posts (
    id uuid DEFAULT gen_random_uuid() PRIMARY KEY,
    slug text NOT NULL,
    title text NOT NULL,
    excerpt text,
    content_markdown text NOT NULL,
    meta_title text,
    meta_description text,
    topic_key text,
    published_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
CREATE INDEX IF NOT EXISTS blog_posts_published_idx ON blog_posts (published_at);
CREATE UNIQUE INDEX IF NOT EXISTS blog_posts_slug_key ON blog_posts (slug);
CREATE INDEX IF NOT EXISTS blog_posts_topic_key_idx ON blog_posts (topic_key);

CREATE TABLE IF NOT EXISTS seo_agent_state (
    key text PRIMARY KEY,
    value jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
