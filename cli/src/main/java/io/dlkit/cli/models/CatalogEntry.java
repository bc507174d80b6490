package io.dlkit.cli.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One named model of the catalog: what it does, where its files come from, their SHA-256 and sizes,
 * its licence and upstream, its input/output contract, and which importer reads it.
 *
 * @param name the name users type ({@code centernet})
 * @param task what it does
 * @param importer {@code tfjs-graph}, {@code tfjs-weights} or {@code tfjs-layers-js}
 * @param source where the files come from: {@code npm:PKG@VERSION/folder}, {@code https://...} (a
 *     folder URL) or a local folder ({@code file:/path} or a plain path)
 * @param entry the file the importer opens, among {@code files}
 * @param licence the licence as the package states it
 * @param upstream where the model was made
 * @param input the input contract (names, shapes, colour order, value range, layout)
 * @param output the output contract
 * @param preprocess how {@code dlkit predict NAME --data IMAGE} turns an image into the input (null
 *     for models without an image input contract)
 * @param files every file with its size and SHA-256
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CatalogEntry(
        String name,
        String task,
        String importer,
        String source,
        String entry,
        String licence,
        String upstream,
        String input,
        String output,
        Preprocess preprocess,
        List<FileSpec> files) {

    /**
     * An image input: RGB resized (bilinear) to {@code size} = [height, width], each 0-255 value
     * mapped to {@code value * scale + offset}, laid out NHWC or NCHW with a batch of one.
     */
    public record Preprocess(List<Integer> size, double scale, double offset, String layout) {}

    /**
     * One file of a model.
     *
     * @param path the file name, relative to the source folder and to the model's cache folder
     * @param size its size in bytes
     * @param sha256 its SHA-256, lower-case hex
     */
    public record FileSpec(String path, long size, String sha256) {}

    /** The total size of the files in bytes. */
    public long size() {
        return files.stream().mapToLong(FileSpec::size).sum();
    }
}
