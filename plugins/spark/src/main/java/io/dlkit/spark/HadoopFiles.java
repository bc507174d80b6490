package io.dlkit.spark;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads and renames through Hadoop's file systems (hdfs://, s3a://, file:), for clusters. */
final class HadoopFiles {
    private HadoopFiles() {}

    static byte[] read(String uri) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(new Configuration());
        try (InputStream in = fs.open(p)) {
            return in.readAllBytes();
        }
    }
}
