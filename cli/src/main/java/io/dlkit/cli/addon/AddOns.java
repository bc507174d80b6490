package io.dlkit.cli.addon;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The add-ons on the class path, and what {@code dlkit doctor} says about Spark. Finding them loads
 * no native code and none of Spark's classes.
 */
public final class AddOns {
    /**
     * Spark's build facts, a resource of spark-common-utils (read as a file: no Spark class
     * loaded).
     */
    static final String SPARK_VERSION_RESOURCE = "spark-version-info.properties";

    static final String SPARK_ADD_ON = "dlkit-spark";

    private static List<AddOn> all;

    private AddOns() {}

    /** Every add-on on the class path, in class-path order; found once per process. */
    public static synchronized List<AddOn> all() {
        if (all == null) {
            List<AddOn> found = new ArrayList<>();
            ServiceLoader.load(AddOn.class, AddOns.class.getClassLoader()).forEach(found::add);
            all = List.copyOf(found);
        }
        return all;
    }

    /**
     * Doctor's {@code spark:} line: {@code 3.5.8 (add-on dlkit-spark)}, or {@code not installed}
     * with how to get it.
     */
    public static String sparkStatus() {
        return sparkStatus(sparkVersion(AddOns.class.getClassLoader()), hasSparkAddOn());
    }

    static String sparkStatus(String sparkVersion, boolean addOn) {
        if (sparkVersion == null) {
            return "not installed (build with: mvn -pl plugins/spark -am package -DskipTests;"
                    + " then run plugins/spark/target/dlkit-spark/bin/dlkit)";
        }
        return sparkVersion
                + (addOn
                        ? " (add-on " + SPARK_ADD_ON + ")"
                        : " (on the class path, but the add-on " + SPARK_ADD_ON + " is missing)");
    }

    static String sparkVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(SPARK_VERSION_RESOURCE)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasSparkAddOn() {
        return all().stream().anyMatch(a -> a.name().equals(SPARK_ADD_ON));
    }
}
