package io.dlkit.spark;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Parquet without Spark, for the local engine (no SparkSession to start, a few seconds saved):
 * writes output rows with parquet-hadoop in the schema Spark's writer uses for {@link
 * OutputRow#SCHEMA}, and reads Parquet inputs ({@code id}, and {@code bytes}, {@code content}
 * (Spark's binaryFile), {@code path} or {@code text}).
 */
final class ParquetFiles {
    static final MessageType OUTPUT =
            MessageTypeParser.parseMessageType(
                    "message spark_schema {"
                            + " required binary id (STRING); required binary task (STRING);"
                            + " optional binary model (STRING); optional int32 count;"
                            + " optional binary error (STRING); required double ms;"
                            + " optional binary output (STRING); }");

    private ParquetFiles() {}

    /** Writes {@code rows} as {@code dir/part-00000.snappy.parquet}; returns how many. */
    static long write(Iterator<OutputRow> rows, String dir) throws IOException {
        Path file = new Path(dir, "part-00000.snappy.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(OUTPUT);
        long n = 0;
        try (ParquetWriter<Group> w =
                ExampleParquetWriter.builder(file)
                        .withConf(new Configuration())
                        .withType(OUTPUT)
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .build()) {
            while (rows.hasNext()) {
                w.write(group(groups.newGroup(), rows.next()));
                n++;
            }
        }
        return n;
    }

    private static Group group(Group g, OutputRow r) {
        g.append("id", r.id()).append("task", r.task());
        if (r.model() != null) g.append("model", r.model());
        if (r.count() != null) g.append("count", r.count());
        if (r.error() != null) g.append("error", r.error());
        g.append("ms", r.ms());
        if (r.output() != null) g.append("output", r.output());
        return g;
    }

    /** The input rows of a Parquet file or folder of part files. */
    static List<InputRow> read(String uri) throws IOException {
        Path root = new Path(uri);
        FileSystem fs = root.getFileSystem(new Configuration());
        List<InputRow> rows = new ArrayList<>();
        for (FileStatus f : parts(fs, root)) {
            try (ParquetReader<Group> r =
                    ParquetReader.builder(new GroupReadSupport(), f.getPath()).build()) {
                for (Group g = r.read(); g != null; g = r.read()) rows.add(input(g, rows.size()));
            }
        }
        return rows;
    }

    private static List<FileStatus> parts(FileSystem fs, Path root) throws IOException {
        if (!fs.exists(root)) {
            throw DlkitException.invalidInput("batch: --input " + root + " does not exist");
        }
        if (fs.getFileStatus(root).isFile()) return List.of(fs.getFileStatus(root));
        List<FileStatus> out = new ArrayList<>();
        for (FileStatus f : fs.listStatus(root)) {
            if (f.isFile() && f.getPath().getName().endsWith(".parquet")) out.add(f);
        }
        return out;
    }

    private static InputRow input(Group g, int index) {
        String path = string(g, "path");
        String id = string(g, "id");
        if (id == null) id = path != null ? path : Integer.toString(index);
        byte[] bytes = binary(g, "bytes");
        if (bytes == null) bytes = binary(g, "content");
        return new InputRow(id, path, bytes, string(g, "text"));
    }

    private static String string(Group g, String field) {
        GroupType t = g.getType();
        if (!t.containsField(field) || g.getFieldRepetitionCount(field) == 0) return null;
        return g.getString(field, 0);
    }

    private static byte[] binary(Group g, String field) {
        GroupType t = g.getType();
        if (!t.containsField(field) || g.getFieldRepetitionCount(field) == 0) return null;
        return g.getBinary(field, 0).getBytes();
    }
}
