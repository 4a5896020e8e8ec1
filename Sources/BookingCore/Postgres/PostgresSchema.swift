/// What `hotel` creates in a PostgreSQL database (on the first write), and the version it knows.
///
/// - `hotel_schema`: one row, the schema's version and the store's id (a random id made with the tables,
///   which names the local read-model cache).
/// - `hotel_events`: one row per event: its position (gap-free, in commit order), type, tags, recorded time,
///   and its line exactly as `hotel` writes it in a file, so that `hotel log` is byte-identical (jsonb would
///   reorder keys).
/// - `hotel_event_tags`: one row per (tag, position), the primary key an index: an append condition's check
///   reads only the events after its position that carry one of its tags.
/// - `hotel_append(...)`: the DCB append, one round trip. It takes `LOCK TABLE hotel_events IN EXCLUSIVE
///   MODE` (writers queue, for at most `HOTEL_LOCK_TIMEOUT`; readers do not wait), checks the condition against the events after its
///   position, and inserts the events at `max(position) + 1` onwards, each line ending with its
///   `previousHash` (``HashChain``; `hotel_chain_value` finds the value after the last line, from that line
///   alone when it carries one, with PostgreSQL's own `sha256`). Holding the lock until commit makes
///   positions gap-free and commit in order, so a reader that sees position n sees every position before it.
///
/// - `hotel_guests`: the guests' personal data (``GuestVault``), one row a client's profile at a revision, never
///   in the events; `forget` deletes the row. `hotel_guests_pending`: a row while a guests command may have
///   left values the log does not show (the next command that writes removes them).
///
/// Version 2 added the hash chain, version 3 the guests' tables; an older store is brought up to this one (its
/// functions replaced, the tables added) by the first write of this version.
enum PostgresSchema {
    /// The version these tables are at; a store at a higher one was made by a newer `hotel`.
    static let version = 3

    /// Creates the tables and the functions unless they exist, and brings an older store's functions and
    /// version up to date; run in one transaction under an advisory lock, so that two first writers do not
    /// both create them.
    static let create = [
        "SELECT pg_advisory_xact_lock(4873401)",
        "CREATE TABLE IF NOT EXISTS hotel_schema (version integer NOT NULL, store_id text NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS hotel_events (
            position bigint PRIMARY KEY,
            type text NOT NULL,
            tags text[] NOT NULL,
            recorded_at text NOT NULL,
            line text NOT NULL
        )
        """,
        "CREATE TABLE IF NOT EXISTS hotel_event_tags (tag text NOT NULL, position bigint NOT NULL, PRIMARY KEY (tag, position))",
        """
        CREATE TABLE IF NOT EXISTS hotel_guests (
            client text NOT NULL,
            revision text NOT NULL,
            name text,
            email text,
            phone text,
            note text,
            PRIMARY KEY (client, revision)
        )
        """,
        "CREATE TABLE IF NOT EXISTS hotel_guests_pending (pending boolean PRIMARY KEY)",
        // The hash chain's value after the line at `head` (HashChain): SHA-256 of that line's previousHash and
        // the line with its newline; for a line without one (written before the chain), every line hashed once.
        """
        CREATE OR REPLACE FUNCTION hotel_chain_value(head bigint) RETURNS bytea LANGUAGE plpgsql AS $$
        DECLARE
            last_line text;
            previous text;
            chain bytea := decode(repeat('00', 32), 'hex');
            each_line text;
        BEGIN
            IF head = 0 THEN
                RETURN chain;
            END IF;
            SELECT line INTO last_line FROM hotel_events WHERE position = head;
            previous := last_line::json->>'previousHash';
            IF previous ~ '^[0-9a-f]{64}$' THEN
                RETURN sha256(decode(previous, 'hex') || convert_to(last_line || E'\\n', 'UTF8'));
            END IF;
            FOR each_line IN SELECT line FROM hotel_events WHERE position <= head ORDER BY position LOOP
                chain := sha256(chain || convert_to(each_line || E'\\n', 'UTF8'));
            END LOOP;
            RETURN chain;
        END
        $$
        """,
        """
        CREATE OR REPLACE FUNCTION hotel_append(condition json, after_position bigint, recorded text, types text[], tag_lists text[], rests text[], lock_wait_ms integer)
        RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE
            head bigint;
            item json;
            item_types text[];
            item_tags text[];
            event_tags text[];
            chain bytea;
            new_line text;
        BEGIN
            -- Waiting longer than this for other writers fails with lock_not_available: a conflict, decided again.
            PERFORM set_config('lock_timeout', lock_wait_ms || 'ms', true);
            LOCK TABLE hotel_events IN EXCLUSIVE MODE;
            SELECT coalesce(max(position), 0) INTO head FROM hotel_events;
            IF condition IS NOT NULL THEN
                FOR item IN SELECT * FROM json_array_elements(condition) LOOP
                    item_types := ARRAY(SELECT json_array_elements_text(item->'types'));
                    item_tags := ARRAY(SELECT json_array_elements_text(item->'tags'));
                    IF cardinality(item_tags) > 0 THEN
                        IF EXISTS (SELECT 1 FROM hotel_event_tags t JOIN hotel_events e ON e.position = t.position
                                   WHERE t.tag = item_tags[1] AND t.position > after_position AND e.tags @> item_tags
                                     AND (cardinality(item_types) = 0 OR e.type = ANY(item_types))) THEN
                            RETURN -1;
                        END IF;
                    ELSIF EXISTS (SELECT 1 FROM hotel_events e WHERE e.position > after_position
                                    AND (cardinality(item_types) = 0 OR e.type = ANY(item_types))) THEN
                        RETURN -1;
                    END IF;
                END LOOP;
            END IF;
            IF coalesce(cardinality(rests), 0) > 0 THEN
                chain := hotel_chain_value(head);
            END IF;
            FOR i IN 1..coalesce(cardinality(rests), 0) LOOP
                head := head + 1;
                event_tags := CASE WHEN tag_lists[i] = '' THEN '{}'::text[] ELSE string_to_array(tag_lists[i], E'\\n') END;
                new_line := '{"position":' || head || rests[i] || ',"previousHash":"' || encode(chain, 'hex') || '"}';
                INSERT INTO hotel_events (position, type, tags, recorded_at, line)
                    VALUES (head, types[i], event_tags, recorded, new_line);
                chain := sha256(chain || convert_to(new_line || E'\\n', 'UTF8'));
                INSERT INTO hotel_event_tags (tag, position) SELECT DISTINCT unnest(event_tags), head;
            END LOOP;
            RETURN head;
        END
        $$
        """,
        "INSERT INTO hotel_schema (version, store_id) SELECT \(version), md5(random()::text || clock_timestamp()::text) WHERE NOT EXISTS (SELECT 1 FROM hotel_schema)",
        "UPDATE hotel_schema SET version = \(version) WHERE version < \(version)",
    ]

    /// The schema's version and the store's id.
    static let identify = "SELECT version, store_id FROM hotel_schema"
}
