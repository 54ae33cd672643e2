package io.kava.store.sqlite;

import java.util.List;

/**
 * Every SQL statement the store runs, each in a named field (kine keeps its dialects the same way).
 *
 * <p>Key ranges are {@code name >= ? AND name < CAST(? AS TEXT)}: the upper bound is bound as the UTF-8 bytes of
 * the prefix's successor (see {@link KeyRange}), which need not be valid UTF-8, so it is cast rather than bound as a
 * string. SQLite compares TEXT with memcmp, so this is etcd's byte order and both bounds use the {@code (name, id)}
 * index.
 *
 * <p>The value of a key at revision R is its row with the largest id at or below R, when that row is not a tombstone
 * ({@code deleted = 1}). The correlated {@code MAX(id)} lookup keeps the outer scan in name order, so a page with a
 * limit stops early instead of grouping the whole prefix first.
 */
record SqlStatements(
        List<String> schema,
        String selectSchemaVersion,
        String insertSchemaVersion,
        String selectMeta,
        String upsertMeta,
        String selectLastRevision,
        String selectLatest,
        String insertRow,
        String rangeAtRevision,
        String countLatest,
        String selectEvents,
        String deleteSupersededRows,
        String deleteTombstones,
        String insertLease,
        String selectLease,
        String deleteLease,
        String selectExpiredLeases,
        String selectKeysOfLease) {

    static final int SCHEMA_VERSION = 1;
    static final String META_SCHEMA_VERSION = "schema_version";
    static final String META_COMPACT_REVISION = "compact_revision";

    /** Columns every key-value read selects, in this order (see {@link Rows}). */
    private static final String KV_COLUMNS = "k.id, k.name, k.created, k.deleted, k.create_revision, k.version, "
            + "k.lease, k.value";

    static final SqlStatements SQLITE = new SqlStatements(
            List.of(
                    """
                    CREATE TABLE IF NOT EXISTS kine (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      name TEXT NOT NULL,
                      created INTEGER NOT NULL,
                      deleted INTEGER NOT NULL,
                      create_revision INTEGER NOT NULL,
                      prev_revision INTEGER NOT NULL,
                      version INTEGER NOT NULL,
                      lease INTEGER NOT NULL,
                      value BLOB NOT NULL)""",
                    "CREATE INDEX IF NOT EXISTS kine_name_id ON kine (name, id)",
                    "CREATE INDEX IF NOT EXISTS kine_lease ON kine (lease) WHERE lease != 0",
                    """
                    CREATE TABLE IF NOT EXISTS leases (
                      id INTEGER PRIMARY KEY,
                      ttl_seconds INTEGER NOT NULL,
                      expires_at_millis INTEGER NOT NULL)""",
                    "CREATE INDEX IF NOT EXISTS leases_expiry ON leases (expires_at_millis)",
                    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
            "SELECT value FROM meta WHERE key = '" + META_SCHEMA_VERSION + "'",
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('" + META_SCHEMA_VERSION + "', " + SCHEMA_VERSION + ")",
            "SELECT value FROM meta WHERE key = ?",
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            // sqlite_sequence remembers the highest id ever used, even after compaction deleted that row.
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'kine'), 0), "
                    + "COALESCE((SELECT MAX(id) FROM kine), 0))",
            "SELECT " + KV_COLUMNS + " FROM kine AS k WHERE k.name = ? ORDER BY k.id DESC LIMIT 1",
            "INSERT INTO kine (id, name, created, deleted, create_revision, prev_revision, version, lease, value) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "SELECT " + KV_COLUMNS + " FROM kine AS k "
                    + "WHERE k.name >= ? AND k.name < CAST(? AS TEXT) AND k.id <= ? "
                    + "AND k.id = (SELECT MAX(m.id) FROM kine AS m WHERE m.name = k.name AND m.id <= ?) "
                    + "AND k.deleted = 0 ORDER BY k.name LIMIT ?",
            "SELECT COUNT(*) FROM kine AS k "
                    + "WHERE k.name >= ? AND k.name < CAST(? AS TEXT) "
                    + "AND k.id = (SELECT MAX(m.id) FROM kine AS m WHERE m.name = k.name) AND k.deleted = 0",
            // Events in revision order with the previous row joined in for prevKv (creates have none).
            "SELECT " + KV_COLUMNS + ", p.id, p.create_revision, p.version, p.lease, p.value FROM kine AS k "
                    + "LEFT JOIN kine AS p ON p.id = k.prev_revision AND k.created = 0 "
                    + "WHERE k.id >= ? AND k.id <= ? AND k.name >= ? AND k.name < CAST(? AS TEXT) "
                    + "ORDER BY k.id LIMIT ?",
            // A row is superseded once a later row of the same key exists; that later row names it in prev_revision.
            "DELETE FROM kine WHERE id IN "
                    + "(SELECT prev_revision FROM kine WHERE id > ? AND id <= ? AND prev_revision > 0)",
            "DELETE FROM kine WHERE id > ? AND id <= ? AND deleted = 1",
            "INSERT INTO leases (id, ttl_seconds, expires_at_millis) VALUES (?, ?, ?)",
            "SELECT id FROM leases WHERE id = ?",
            "DELETE FROM leases WHERE id = ?",
            "SELECT id FROM leases WHERE expires_at_millis <= ? ORDER BY expires_at_millis LIMIT ?",
            "SELECT k.name FROM kine AS k WHERE k.lease = ? AND k.lease != 0 AND k.deleted = 0 "
                    + "AND k.id = (SELECT MAX(m.id) FROM kine AS m WHERE m.name = k.name) ORDER BY k.name");
}
