-- The id the provider gave a sent message (SMTP Message-ID, Twilio SID, FCM name): delivery, bounce and
-- complaint reports quote it, and this is how they find the send they are about.
ALTER TABLE outbox ADD COLUMN provider_message_id text COLLATE "C";
CREATE INDEX outbox_provider_message ON outbox (provider_message_id) WHERE provider_message_id IS NOT NULL;
