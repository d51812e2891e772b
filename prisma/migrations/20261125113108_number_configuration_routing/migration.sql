-- AlterTable
ALTER TABLE "number_configurations" ADD COLUMN     "didww_trunk_group_id" TEXT,
ADD COLUMN     "next_boundary_at" TIMESTAMPTZ(3),
ADD COLUMN     "routed_open" BOOLEAN;

-- AlterTable
ALTER TABLE "voicemail_messages" ADD COLUMN     "size_bytes" INTEGER NOT NULL DEFAULT 0;

-- Realtime: a configuration's sync state (SAVED → APPLYING → APPLIED | FAILED) announces itself on
-- the same channel as number status, from inside the writing transaction (see realtime_notify).
CREATE FUNCTION numninja_notify_config_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner uuid;
BEGIN
  SELECT pn.user_id INTO owner FROM purchased_numbers pn WHERE pn.id = NEW.purchased_number_id;
  PERFORM pg_notify('numninja_events', json_build_object(
    'kind', 'config', 'numberId', NEW.purchased_number_id, 'userId', owner,
    'syncState', NEW.sync_state, 'version', NEW.version)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER number_configurations_notify AFTER INSERT OR UPDATE OF sync_state, version ON number_configurations
  FOR EACH ROW EXECUTE FUNCTION numninja_notify_config_sync();
