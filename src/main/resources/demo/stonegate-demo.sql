-- outbox-worker demo: two customers as the StonegateOS API would store them, and one event of each
-- type. Loaded into a throwaway embedded database; never into yours.
INSERT INTO contacts (id, first_name, last_name, email, phone, phone_e164) VALUES
  ('11111111-1111-4111-8111-111111111111', 'Dana', 'Whitfield', 'dana.whitfield@example.com', '(404) 555-0101', '+14045550101'),
  ('22222222-2222-4222-8222-222222222222', 'Marcus', 'Bell', 'marcus.bell@example.com', NULL, NULL);

INSERT INTO properties (id, contact_id, address_line1, city, state, postal_code) VALUES
  ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', '118 Kennesaw Ave', 'Marietta', 'GA', '30060'),
  ('44444444-4444-4444-8444-444444444444', '22222222-2222-4222-8222-222222222222', '2045 Canton Rd', 'Woodstock', 'GA', '30188');

INSERT INTO leads (id, contact_id, property_id, services_requested, notes, form_payload) VALUES
  ('55555555-5555-4555-8555-555555555555', '11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333',
   ARRAY['Garage cleanout', 'Hot tub removal'], 'Side gate code 4411',
   '{"scheduling": {"preferredDate": "this Saturday", "timeWindow": "morning"}}');

INSERT INTO appointments (id, contact_id, property_id, lead_id, start_at, duration_min, travel_buffer_min, reschedule_token) VALUES
  ('66666666-6666-4666-8666-666666666666', '11111111-1111-4111-8111-111111111111', '33333333-3333-4333-8333-333333333333',
   '55555555-5555-4555-8555-555555555555', date_trunc('day', now()) + interval '3 days 14 hours', 90, 30, 'demo-7f3k2q');

INSERT INTO quotes (id, contact_id, property_id, services, zone_id, subtotal, total, deposit_due, deposit_rate,
                    balance_due, line_items, share_token, expires_at) VALUES
  ('77777777-7777-4777-8777-777777777777', '22222222-2222-4222-8222-222222222222', '44444444-4444-4444-8444-444444444444',
   '["Basement cleanout", "Appliance removal"]', 'cherokee', 1234.50, 1234.50, 0, 0, 1234.50, '[]',
   'demo-quote-9x2', now() + interval '14 days');

INSERT INTO outbox_events (type, payload, created_at) VALUES
  ('estimate.requested', '{"appointmentId": "66666666-6666-4666-8666-666666666666"}', now() - interval '7 seconds'),
  ('lead.created', '{"leadId": "55555555-5555-4555-8555-555555555555"}', now() - interval '6 seconds'),
  ('estimate.rescheduled', '{"appointmentId": "66666666-6666-4666-8666-666666666666", "services": ["Garage cleanout"]}', now() - interval '5 seconds'),
  ('estimate.status_changed', '{"leadId": "55555555-5555-4555-8555-555555555555", "status": "confirmed"}', now() - interval '4 seconds'),
  ('quote.sent', '{"quoteId": "77777777-7777-4777-8777-777777777777"}', now() - interval '3 seconds'),
  ('quote.decision', '{"quoteId": "77777777-7777-4777-8777-777777777777", "decision": "accepted"}', now() - interval '2 seconds'),
  ('pipeline.auto_stage_change', '{"contactId": "22222222-2222-4222-8222-222222222222", "fromStage": "new", "toStage": "contacted", "reason": "manual", "meta": {}}', now() - interval '1 second');
