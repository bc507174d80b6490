package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js weights manifest: groups of tensors, each group stored in one or more {@code .bin} shards
 * that together hold the group's tensors back to back, in manifest order. It is the whole of a
 * {@code *-weights_manifest.json} file (face-api), or the {@code weightsManifest} entry of a {@code
 * model.json} (graph and layers models).
 *
 * <pre>{@code
 * NamedTensors w = WeightManifest.read(Path.of("tiny_face_detector_model-weights_manifest.json"))
 *         .load();
 * NdArray filters = w.require("conv0/filters", 3, 3, 3, 16);
 * }</pre>
 *
 * @param file the file the manifest came from (shard paths are relative to its folder)
 * @param groups the weight groups
 */
public record WeightManifest(Path file, List<Group> groups) {

    /**
     * One group: its shard files and its tensors.
     *
     * @param paths shard file names, relative to the manifest's folder, in order
     * @param weights the tensors, in storage order
     */
    public record Group(List<String> paths, List<WeightSpec> weights) {}

    /**
     * Reads a {@code *-weights_manifest.json} or a {@code model.json}.
     *
     * @throws DataFormatException if the file is not a TF.js manifest or model file
     * @throws UncheckedIOException if it cannot be read
     */
    public static WeightManifest read(Path file) {
        Object json = JsLiteral.parse(readString(file), file.toString());
        return of(json, file);
    }

    /**
     * The manifest inside parsed JSON: a list of groups, or a map holding {@code weightsManifest}.
     */
    static WeightManifest of(Object json, Path file) {
        Object groups = json instanceof Map<?, ?> m ? m.get("weightsManifest") : json;
        if (!(groups instanceof List<?> list)) {
            throw new DataFormatException(
                    file
                            + ": not a TF.js weights manifest (expected a list of {paths,"
                            + " weights} groups or a model.json with 'weightsManifest')");
        }
        List<Group> out = new ArrayList<>();
        for (Object g : list) {
            if (!(g instanceof Map<?, ?> group)
                    || !(group.get("paths") instanceof List<?> paths)
                    || !(group.get("weights") instanceof List<?> weights)) {
                throw new DataFormatException(
                        file + ": a manifest group lacks its 'paths' or 'weights' list");
            }
            List<WeightSpec> specs = new ArrayList<>();
            for (Object w : weights) specs.add(WeightSpec.of((Map<?, ?>) w, file.toString()));
            out.add(new Group(paths.stream().map(String::valueOf).toList(), specs));
        }
        return new WeightManifest(file, List.copyOf(out));
    }

    /** Every tensor's specification, across groups, in storage order. */
    public List<WeightSpec> specs() {
        return groups.stream().flatMap(g -> g.weights().stream()).toList();
    }

    /**
     * Reads the shard files beside the manifest and decodes every tensor.
     *
     * @throws DataFormatException if a shard is missing, too short or too long
     */
    public NamedTensors load() {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        for (Group g : groups) {
            tensors.putAll(
                    decode(g.weights(), ByteBuffer.wrap(concat(g.paths())), file.toString()));
        }
        return new NamedTensors(tensors, file.toString());
    }

    /** Decodes {@code specs} back to back from {@code bytes}, which they must fill exactly. */
    static Map<String, NdArray> decode(List<WeightSpec> specs, ByteBuffer bytes, String source) {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        for (WeightSpec s : specs) tensors.put(s.name(), WeightDecoder.decode(s, bytes, source));
        if (bytes.hasRemaining()) {
            throw new DataFormatException(
                    source
                            + ": "
                            + bytes.remaining()
                            + " bytes left after the last weight; the .bin files do not belong"
                            + " to this manifest");
        }
        return tensors;
    }

    private byte[] concat(List<String> paths) {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (String p : paths) {
            Path shard = file.resolveSibling(p);
            try {
                byte[] b = Files.readAllBytes(shard);
                parts.add(b);
                total += b.length;
            } catch (NoSuchFileException e) {
                throw new DataFormatException(
                        file
                                + ": weight file "
                                + shard
                                + " is missing; put it beside the manifest");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return all;
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
