package io.dlkit.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One input of {@code dlkit batch}: an id and the image file to read ({@code path}), the image's
 * bytes, or a text. Files are read where the record is processed (the executor), so image bytes
 * never pass through the driver.
 */
record InputRow(String id, String path, byte[] bytes, String text) implements Serializable {
    /** The Spark schema of the input data set. */
    static final StructType SCHEMA =
            new StructType()
                    .add("id", DataTypes.StringType, false)
                    .add("path", DataTypes.StringType, true)
                    .add("bytes", DataTypes.BinaryType, true)
                    .add("text", DataTypes.StringType, true);

    static InputRow file(String id, String path) {
        return new InputRow(id, path, null, null);
    }

    static InputRow text(String id, String text) {
        return new InputRow(id, null, null, text);
    }

    Row toRow() {
        return RowFactory.create(id, path, bytes, text);
    }

    static InputRow of(Row r) {
        return new InputRow(r.getString(0), r.getString(1), (byte[]) r.get(2), r.getString(3));
    }
}
