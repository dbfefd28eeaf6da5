-- The StonegateOS API's own tables that the outbox worker reads and writes, as the API's
-- migrations create them (the version whose worker README is original-worker-readme.md).
-- An existing StonegateOS database looks like this before the worker's migrations run.
-- Note the enum-typed columns: appointments.status, crm_pipeline.stage, leads.status, quotes.status.

CREATE TYPE public.appointment_status AS ENUM ('requested', 'confirmed', 'completed', 'no_show', 'canceled');
CREATE TYPE public.crm_pipeline_stage AS ENUM ('new', 'contacted', 'qualified', 'quoted', 'won', 'lost');
CREATE TYPE public.lead_status AS ENUM ('new', 'contacted', 'quoted', 'scheduled');
CREATE TYPE public.quote_status AS ENUM ('pending', 'sent', 'accepted', 'declined');
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

--
-- Name: appointments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.appointments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid NOT NULL,
    property_id uuid NOT NULL,
    lead_id uuid,
    type text DEFAULT 'estimate'::text NOT NULL,
    start_at timestamp with time zone,
    duration_min integer DEFAULT 60 NOT NULL,
    status public.appointment_status DEFAULT 'requested'::public.appointment_status NOT NULL,
    calendar_event_id text,
    reschedule_token character varying(64) NOT NULL,
    travel_buffer_min integer DEFAULT 30 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    crew text,
    owner text
);

--
-- Name: blog_posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.blog_posts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
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

--
-- Name: contacts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contacts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
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

--
-- Name: crm_pipeline; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.crm_pipeline (
    contact_id uuid NOT NULL,
    stage public.crm_pipeline_stage DEFAULT 'new'::public.crm_pipeline_stage NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: leads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.leads (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid NOT NULL,
    property_id uuid NOT NULL,
    services_requested text[] NOT NULL,
    notes text,
    surface_area numeric,
    status public.lead_status DEFAULT 'new'::public.lead_status NOT NULL,
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

--
-- Name: outbox_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox_events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    processed_at timestamp with time zone
);

--
-- Name: properties; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.properties (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid NOT NULL,
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

--
-- Name: quotes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.quotes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    contact_id uuid NOT NULL,
    property_id uuid NOT NULL,
    status public.quote_status DEFAULT 'pending'::public.quote_status NOT NULL,
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

--
-- Name: seo_agent_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seo_agent_state (
    key text NOT NULL,
    value jsonb NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

--
-- Name: appointments appointments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_pkey PRIMARY KEY (id);

--
-- Name: blog_posts blog_posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_posts
    ADD CONSTRAINT blog_posts_pkey PRIMARY KEY (id);

--
-- Name: contacts contacts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contacts
    ADD CONSTRAINT contacts_pkey PRIMARY KEY (id);

--
-- Name: crm_pipeline crm_pipeline_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_pipeline
    ADD CONSTRAINT crm_pipeline_pkey PRIMARY KEY (contact_id);

--
-- Name: leads leads_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_pkey PRIMARY KEY (id);

--
-- Name: outbox_events outbox_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox_events
    ADD CONSTRAINT outbox_events_pkey PRIMARY KEY (id);

--
-- Name: properties properties_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.properties
    ADD CONSTRAINT properties_pkey PRIMARY KEY (id);

--
-- Name: quotes quotes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes
    ADD CONSTRAINT quotes_pkey PRIMARY KEY (id);

--
-- Name: seo_agent_state seo_agent_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seo_agent_state
    ADD CONSTRAINT seo_agent_state_pkey PRIMARY KEY (key);

--
-- Name: appointments_start_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX appointments_start_idx ON public.appointments USING btree (start_at);

--
-- Name: appointments_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX appointments_status_idx ON public.appointments USING btree (status);

--
-- Name: blog_posts_published_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX blog_posts_published_idx ON public.blog_posts USING btree (published_at);

--
-- Name: blog_posts_slug_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX blog_posts_slug_key ON public.blog_posts USING btree (slug);

--
-- Name: blog_posts_topic_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX blog_posts_topic_key_idx ON public.blog_posts USING btree (topic_key);

--
-- Name: contacts_email_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contacts_email_key ON public.contacts USING btree (email);

--
-- Name: contacts_phone_e164_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contacts_phone_e164_key ON public.contacts USING btree (phone_e164);

--
-- Name: contacts_phone_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contacts_phone_key ON public.contacts USING btree (phone);

--
-- Name: leads_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leads_contact_idx ON public.leads USING btree (contact_id);

--
-- Name: leads_instant_quote_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leads_instant_quote_idx ON public.leads USING btree (instant_quote_id);

--
-- Name: leads_property_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX leads_property_idx ON public.leads USING btree (property_id);

--
-- Name: leads_quote_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX leads_quote_idx ON public.leads USING btree (quote_id);

--
-- Name: properties_address_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX properties_address_key ON public.properties USING btree (address_line1, postal_code, state);

--
-- Name: properties_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX properties_contact_idx ON public.properties USING btree (contact_id);

--
-- Name: quotes_contact_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX quotes_contact_idx ON public.quotes USING btree (contact_id);

--
-- Name: quotes_property_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX quotes_property_idx ON public.quotes USING btree (property_id);

--
-- Name: quotes_share_token_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX quotes_share_token_key ON public.quotes USING btree (share_token);

--
-- Name: appointments appointments_contact_id_contacts_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_contact_id_contacts_id_fk FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: appointments appointments_lead_id_leads_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_lead_id_leads_id_fk FOREIGN KEY (lead_id) REFERENCES public.leads(id) ON DELETE SET NULL;

--
-- Name: appointments appointments_property_id_properties_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appointments
    ADD CONSTRAINT appointments_property_id_properties_id_fk FOREIGN KEY (property_id) REFERENCES public.properties(id) ON DELETE CASCADE;

--
-- Name: crm_pipeline crm_pipeline_contact_id_contacts_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.crm_pipeline
    ADD CONSTRAINT crm_pipeline_contact_id_contacts_id_fk FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: leads leads_contact_id_contacts_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_contact_id_contacts_id_fk FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: leads leads_property_id_properties_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_property_id_properties_id_fk FOREIGN KEY (property_id) REFERENCES public.properties(id) ON DELETE CASCADE;

--
-- Name: properties properties_contact_id_contacts_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.properties
    ADD CONSTRAINT properties_contact_id_contacts_id_fk FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: quotes quotes_contact_id_contacts_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes
    ADD CONSTRAINT quotes_contact_id_contacts_id_fk FOREIGN KEY (contact_id) REFERENCES public.contacts(id) ON DELETE CASCADE;

--
-- Name: quotes quotes_property_id_properties_id_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes
    ADD CONSTRAINT quotes_property_id_properties_id_fk FOREIGN KEY (property_id) REFERENCES public.properties(id) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--


