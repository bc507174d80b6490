package io.dlkit.plugins.face.identify;

import io.dlkit.api.DlkitException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * Enrolled faces in an SQLite file (WAL journal, one transaction per enrolment, so two processes
 * enrolling at once lose nothing): per descriptor the person's name, the id of the model that
 * computed it (descriptors of another model are refused), the source image's SHA-256, the face box
 * and the time added. Descriptors are stored once and never recomputed.
 */
public final class FaceDatabase implements AutoCloseable {
    private static final String SCHEMA =
            "CREATE TABLE IF NOT EXISTS faces (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    + " model TEXT NOT NULL, descriptor BLOB NOT NULL, image_sha256 TEXT NOT NULL,"
                    + " box TEXT NOT NULL, added TEXT NOT NULL)";

    private final Connection db;
    private final Path file;

    private FaceDatabase(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /**
     * One enrolled descriptor.
     *
     * @param box the face box in the source image, {@code "x,y,width,height"} in pixels
     * @param added when it was enrolled, ISO-8601 UTC
     */
    public record Entry(
            String name,
            String model,
            float[] descriptor,
            String imageSha256,
            String box,
            String added) {
        /** An entry without box and time. */
        public Entry(String name, String model, float[] descriptor, String imageSha256) {
            this(name, model, descriptor, imageSha256, "", "");
        }
    }

    /**
     * Opens (creating if needed) the database in {@code file}.
     *
     * @throws DlkitException (bad input) when the file is not an SQLite database, or is locked
     */
    public static FaceDatabase open(Path file) {
        if (Files.isDirectory(file)) {
            throw DlkitException.invalidInput(file + ": is a folder, not a face database file");
        }
        try {
            Properties props = new Properties();
            props.setProperty("busy_timeout", "10000");
            // take the write lock when a transaction starts, so that a writer waits for another
            // (busy_timeout) instead of failing when its read snapshot goes stale
            props.setProperty("transaction_mode", "IMMEDIATE");
            Connection c = new JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), props);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute(SCHEMA);
            }
            return new FaceDatabase(c, file);
        } catch (SQLException e) {
            throw DlkitException.invalidInput(
                    file + ": not a usable face database (" + firstLine(e) + ")");
        }
    }

    /**
     * Adds descriptors of one person in one transaction.
     *
     * @throws DlkitException (bad input) when the database holds descriptors of another model
     */
    public void enroll(
            String name,
            String model,
            List<float[]> descriptors,
            String sha256,
            List<String> boxes) {
        String now = Instant.now().toString();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < descriptors.size(); i++) {
            entries.add(new Entry(name, model, descriptors.get(i), sha256, boxes.get(i), now));
        }
        insert(entries, false);
    }

    /**
     * Adds {@code entries} (all of one model) in one transaction, skipping, when {@code
     * skipPresent}, those already stored (same name, image and descriptor).
     *
     * @return how many were added
     * @throws DlkitException (bad input) when the database holds descriptors of another model
     */
    public int insert(List<Entry> entries, boolean skipPresent) {
        for (Entry e : entries) {
            requireModel(e.model());
        }
        int added = 0;
        try {
            db.setAutoCommit(false);
            try (PreparedStatement p =
                    db.prepareStatement(
                            "INSERT INTO faces (name, model, descriptor, image_sha256, box, added)"
                                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Entry e : entries) {
                    if (skipPresent && present(e)) {
                        continue;
                    }
                    p.setString(1, e.name());
                    p.setString(2, e.model());
                    p.setBytes(3, toBytes(e.descriptor()));
                    p.setString(4, e.imageSha256());
                    p.setString(5, e.box());
                    p.setString(6, e.added());
                    p.addBatch();
                    added++;
                }
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("add " + entries.size() + " descriptor(s)", e);
        } finally {
            autoCommit();
        }
        return added;
    }

    private boolean present(Entry e) throws SQLException {
        try (PreparedStatement p =
                db.prepareStatement(
                        "SELECT 1 FROM faces WHERE name = ? AND image_sha256 = ? AND descriptor = ?")) {
            p.setString(1, e.name());
            p.setString(2, e.imageSha256());
            p.setBytes(3, toBytes(e.descriptor()));
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Every enrolled descriptor. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT name, model, descriptor, image_sha256, box, added FROM faces"
                                        + " ORDER BY id")) {
            while (r.next()) {
                out.add(
                        new Entry(
                                r.getString(1),
                                r.getString(2),
                                fromBytes(r.getBytes(3)),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6)));
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
        return out;
    }

    /** Removes every descriptor of {@code name}; returns how many. */
    public int remove(String name) {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM faces WHERE name = ?")) {
            p.setString(1, name);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failure("remove " + name, e);
        }
    }

    /**
     * Refuses to mix models: descriptors of two models are not comparable.
     *
     * @throws DlkitException (bad input) naming both models
     */
    public void requireModel(String model) {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT DISTINCT model FROM faces LIMIT 1")) {
            if (r.next() && !r.getString(1).equals(model)) {
                throw DlkitException.invalidInput(
                        file
                                + ": holds descriptors of model "
                                + r.getString(1)
                                + ", not of "
                                + model
                                + "; use another --db or the same models");
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    static float[] fromBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    private DlkitException failure(String what, SQLException e) {
        return DlkitException.invalidInput(
                file + ": cannot " + what + " (" + firstLine(e) + "); nothing was changed");
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the failure being reported matters more
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // closing will tell
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
