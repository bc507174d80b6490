package io.dlkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Build-time version facts of this dlkit. */
public final class Version {
    private static final Properties PROPS = load();

    private Version() {}

    /** dlkit's version, e.g. {@code 0.1.0}. */
    public static String dlkit() {
        return PROPS.getProperty("version", "0.0.0");
    }

    /** The TensorFlow Java version dlkit was built with, e.g. {@code 1.1.0}. */
    public static String tensorflowJava() {
        return PROPS.getProperty("tensorflow.java", "unknown");
    }

    /**
     * The native classifier dlkit was built with: {@code linux-x86_64} or {@code linux-x86_64-gpu}.
     */
    public static String nativeClassifier() {
        return PROPS.getProperty("native.classifier", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
