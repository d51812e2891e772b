-- Realtime: every status transition announces itself with NOTIFY on the `numninja_events` channel,
-- from inside the transaction that makes it, so it is delivered exactly when (and only if) that
-- transaction commits — whichever process (API, worker) made the change. Every API process LISTENs
-- and fans the events out to its graphql-ws subscribers. Payloads are small JSON (ids, owner, kind,
-- new status); subscribers reload the object itself, with its owner check, from the database.

CREATE FUNCTION numninja_notify_number_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner uuid;
  order_id uuid;
BEGIN
  SELECT pn.user_id, ol.order_id INTO owner, order_id
  FROM purchased_numbers pn JOIN order_lines ol ON ol.id = pn.order_line_id
  WHERE pn.id = NEW.purchased_number_id;
  PERFORM pg_notify('numninja_events', json_build_object(
    'kind', 'number', 'numberId', NEW.purchased_number_id, 'orderId', order_id, 'userId', owner,
    'status', NEW.to_status, 'eventId', NEW.id, 'at', NEW.created_at)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER number_status_events_notify AFTER INSERT ON number_status_events
  FOR EACH ROW EXECUTE FUNCTION numninja_notify_number_status();

CREATE FUNCTION numninja_notify_order_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner uuid;
  current_status text;
BEGIN
  SELECT o.user_id, o.status::text INTO owner, current_status FROM orders o WHERE o.id = NEW.order_id;
  PERFORM pg_notify('numninja_events', json_build_object(
    'kind', 'order', 'orderId', NEW.order_id, 'userId', owner, 'status', current_status, 'cause', NEW.type)::text);
  RETURN NULL;
END $$;

CREATE TRIGGER order_events_notify AFTER INSERT ON order_events
  FOR EACH ROW EXECUTE FUNCTION numninja_notify_order_event();

-- Some order status changes come without a timeline event (e.g. a refund's final status).
CREATE FUNCTION numninja_notify_order_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('numninja_events', json_build_object(
    'kind', 'order', 'orderId', NEW.id, 'userId', NEW.user_id, 'status', NEW.status, 'cause', 'status')::text);
  RETURN NULL;
END $$;

CREATE TRIGGER orders_status_notify AFTER UPDATE OF status ON orders
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION numninja_notify_order_status();

CREATE FUNCTION numninja_notify_order_line_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner uuid;
  current_status text;
BEGIN
  SELECT o.user_id, o.status::text INTO owner, current_status FROM orders o WHERE o.id = NEW.order_id;
  PERFORM pg_notify('numninja_events', json_build_object(
    'kind', 'order', 'orderId', NEW.order_id, 'userId', owner, 'status', current_status, 'cause', 'line')::text);
  RETURN NULL;
END $$;

CREATE TRIGGER order_lines_status_notify AFTER UPDATE OF status ON order_lines
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION numninja_notify_order_line_status();
