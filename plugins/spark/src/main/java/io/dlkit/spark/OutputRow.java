package io.dlkit.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row of {@code dlkit batch}'s output, the same whichever engine wrote it.
 *
 * @param id the input's id (a path as given, or the Parquet input's id)
 * @param task the batch task's name
 * @param model the model the task used (null when the task could not open)
 * @param count how many things were found (detections, faces, classes, words), null on error
 * @param error the one-line error of this record, null when it went well
 * @param ms the milliseconds the record took (reading and inference)
 * @param output the task's outputs as JSON (as its one-by-one command prints), null on error
 */
record OutputRow(
        String id, String task, String model, Integer count, String error, double ms, String output)
        implements Serializable {
    /** The Parquet / Spark schema, in the record's order. */
    static final StructType SCHEMA =
            new StructType()
                    .add("id", DataTypes.StringType, false)
                    .add("task", DataTypes.StringType, false)
                    .add("model", DataTypes.StringType, true)
                    .add("count", DataTypes.IntegerType, true)
                    .add("error", DataTypes.StringType, true)
                    .add("ms", DataTypes.DoubleType, false)
                    .add("output", DataTypes.StringType, true);

    /** A record that failed with {@code error}. */
    static OutputRow failed(String id, String task, String model, String error, double ms) {
        return new OutputRow(id, task, model, null, error, ms, null);
    }

    /** As a Spark row of {@link #SCHEMA}. */
    Row toRow() {
        return RowFactory.create(id, task, model, count, error, ms, output);
    }

    /** Back from a Spark row of {@link #SCHEMA}. */
    static OutputRow of(Row r) {
        return new OutputRow(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.isNullAt(3) ? null : r.getInt(3),
                r.getString(4),
                r.getDouble(5),
                r.getString(6));
    }
}
