package io.kava.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compaction: deletes history at or below a revision, kine style, through the writer in chunks of {@code batch}
 * revisions so that writers interleave with a long compaction.
 *
 * <p>For a chunk {@code (lo, hi]}: every row in it names its key's previous row in {@code prev_revision}; that
 * previous row is superseded at or below {@code hi}, so it goes. Tombstones in the chunk go too. What stays is, for
 * each key, its newest row at or below the compact revision if that row is live — exactly what reads and watch
 * replays above the compact revision can still need (a later row's prevKv, a key's value at a later revision).
 *
 * <p>Ordering contract with {@link SqliteReader}: {@link #compactRevision} is raised before a chunk deletes
 * anything, so a read that finds it unchanged after its query cannot have missed rows. The revision is stored in
 * {@code meta} in the same transaction as the deletes, so it survives a restart exactly when they do.
 */
final class SqliteCompactor {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteCompactor.class);

    private final SqliteWriter writer;
    private final int batch;
    /** Serializes compactions; guards {@link #persisted}. */
    private final Object compactLock = new Object();
    /** The compact revision reads check against; raised (by the writer thread) before rows are deleted. */
    private volatile long compactRevision;
    /** The compact revision whose deletes have committed. Guarded by {@link #compactLock}. */
    private long persisted;

    SqliteCompactor(SqliteWriter writer, long compactRevision, int batch) {
        this.writer = writer;
        this.compactRevision = compactRevision;
        this.persisted = compactRevision;
        this.batch = batch;
    }

    long compactRevision() {
        return compactRevision;
    }

    /** Compacts up to {@code revision}, clamped to the current revision; returns the new compact revision. */
    long compact(long revision) {
        synchronized (compactLock) {
            long target = Math.min(revision, writer.committedRevision());
            while (persisted < target) {
                long lo = persisted;
                long hi = Math.min(target, lo + batch);
                writer.execute(tx -> compactChunk(tx, lo, hi));
                persisted = hi;
            }
            return compactRevision;
        }
    }

    /** Background compaction: keep {@code retained} revisions of history. Never throws. */
    void compactKeeping(long retained) {
        long target = writer.committedRevision() - retained;
        if (target <= compactRevision) {
            return;
        }
        try {
            long start = System.nanoTime();
            long from = compactRevision;
            compact(target);
            LOG.debug("Compacted revisions {}..{} in {} ms", from + 1, target, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Background compaction to revision {} failed", target, e);
        }
    }

    private Void compactChunk(WriteTx tx, long lo, long hi) throws SQLException {
        if (hi > compactRevision) {
            compactRevision = hi;
        }
        SqlStatements sql = tx.sql();
        PreparedStatement superseded = tx.prepare(sql.deleteSupersededRows());
        superseded.setLong(1, lo);
        superseded.setLong(2, hi);
        superseded.executeUpdate();
        PreparedStatement tombstones = tx.prepare(sql.deleteTombstones());
        tombstones.setLong(1, lo);
        tombstones.setLong(2, hi);
        tombstones.executeUpdate();
        PreparedStatement meta = tx.prepare(sql.upsertMeta());
        meta.setString(1, SqlStatements.META_COMPACT_REVISION);
        meta.setLong(2, hi);
        meta.executeUpdate();
        return null;
    }
}
