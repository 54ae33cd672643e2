package io.kava.store.sqlite;

import io.kava.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The SQLite file: one write connection (owned by {@link SqliteWriter}), a pool of read connections, and an OS lock
 * on {@code <file>.lock} so that two stores never write one file (two writers would hand out the same revisions).
 *
 * <p>Durability: WAL mode with {@code synchronous=FULL}, so every commit fsyncs the WAL before it returns and an
 * acknowledged write survives kill -9 and power loss. NORMAL would only survive a process crash; the {@link
 * io.kava.store.Store} contract promises fsync, and group commit amortises the cost over a batch.
 */
final class SqliteDatabase implements AutoCloseable {

    /** Work done with a borrowed read connection. */
    interface ReadWork<T> {
        T run(ReadSession session) throws SQLException;
    }

    /** A read connection with its prepared statements cached by SQL text. Used by one thread at a time. */
    static final class ReadSession {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        ReadSession(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }
    }

    private final Path file;
    private final SqlStatements sql;
    private final FileChannel lockChannel;
    private final Connection writeConnection;
    private final List<ReadSession> allReaders = new ArrayList<>();
    private final BlockingQueue<ReadSession> idleReaders;
    private final long lastRevision;
    private final long compactRevision;

    private SqliteDatabase(Path file, SqlStatements sql, FileChannel lockChannel, Connection writeConnection,
            int readConnections) throws SQLException {
        this.file = file;
        this.sql = sql;
        this.lockChannel = lockChannel;
        this.writeConnection = writeConnection;
        this.idleReaders = new ArrayBlockingQueue<>(readConnections);
        this.lastRevision = queryLong(writeConnection, sql.selectLastRevision());
        this.compactRevision = readMeta(writeConnection, sql, SqlStatements.META_COMPACT_REVISION);
        writeConnection.commit();
        for (int i = 0; i < readConnections; i++) {
            Connection connection = connect(file);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA query_only = 1");
            }
            ReadSession session = new ReadSession(connection);
            allReaders.add(session);
            idleReaders.add(session);
        }
    }

    /** Opens (creating if needed) the store file; any problem is one {@link StoreUnavailableException} naming it. */
    static SqliteDatabase open(Path file, SqlStatements sql, int readConnections) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw unavailable(absolute, "it is a directory", null);
        }
        if (Files.exists(absolute) && !(Files.isReadable(absolute) && Files.isWritable(absolute))) {
            throw unavailable(absolute, "no permission to read and write it", null);
        }
        FileChannel lock = null;
        Connection writer = null;
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            lock = lock(absolute);
            writer = connect(absolute);
            configureWriter(writer, sql);
            return new SqliteDatabase(absolute, sql, lock, writer, readConnections);
        } catch (IOException | SQLException e) {
            closeQuietly(writer);
            closeQuietly(lock);
            throw unavailable(absolute, e.getMessage(), e);
        } catch (StoreUnavailableException e) {
            closeQuietly(writer);
            closeQuietly(lock);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    SqlStatements sql() {
        return sql;
    }

    Connection writeConnection() {
        return writeConnection;
    }

    /** The highest revision ever written, as found when the file was opened. */
    long lastRevision() {
        return lastRevision;
    }

    /** The compact revision recorded in the file when it was opened. */
    long compactRevision() {
        return compactRevision;
    }

    /** Runs {@code work} on a pooled read connection (waiting for one if all are busy). */
    <T> T read(ReadWork<T> work) {
        ReadSession session;
        try {
            session = idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted waiting for a read connection to " + file, e);
        }
        try {
            return work.run(session);
        } catch (SQLException e) {
            throw new StoreUnavailableException("read from SQLite store " + file + " failed: " + e.getMessage(), e);
        } finally {
            idleReaders.add(session);
        }
    }

    static long readMeta(Connection connection, SqlStatements sql, String key) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql.selectMeta())) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public void close() {
        for (ReadSession session : allReaders) {
            closeQuietly(session.connection);
        }
        closeQuietly(writeConnection);
        closeQuietly(lockChannel);
    }

    private static void configureWriter(Connection connection, SqlStatements sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            // The first statement that reads the file: random bytes fail here with SQLITE_NOTADB.
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                String mode = rs.next() ? rs.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException("cannot switch to WAL journal mode (got '" + mode + "')");
                }
            }
            st.execute("PRAGMA synchronous = FULL");
            try (ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                if (!rs.next() || rs.getInt(1) != 2) {
                    throw new SQLException("cannot set synchronous = FULL; acknowledged writes would not be durable");
                }
            }
            connection.setAutoCommit(false);
            for (String ddl : sql.schema()) {
                st.execute(ddl);
            }
            st.execute(sql.insertSchemaVersion());
            long version = queryLong(connection, sql.selectSchemaVersion());
            if (version != SqlStatements.SCHEMA_VERSION) {
                connection.rollback();
                throw new SQLException("schema version " + version + " is not supported (expected "
                        + SqlStatements.SCHEMA_VERSION + ")");
            }
            connection.commit();
        }
    }

    private static FileChannel lock(Path file) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("it is already open by another store (" + lockFile + " is locked)");
        }
        return channel;
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static long queryLong(Connection connection, String query) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static StoreUnavailableException unavailable(Path file, String reason, Throwable cause) {
        return new StoreUnavailableException("cannot open SQLite store " + file + ": " + reason, cause);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing after a failure or at shutdown: nothing useful to do with a second error.
        }
    }
}
