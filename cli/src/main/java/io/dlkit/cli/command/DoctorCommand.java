package io.dlkit.cli.command;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.runtime.DeviceInfo;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.TfRuntime;
import io.dlkit.cli.Version;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.plugin.PluginHost;
import io.dlkit.cli.plugin.PluginStatus;
import jakarta.inject.Inject;
import java.io.File;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code dlkit doctor}: Java, OS, the TensorFlow version actually loaded, the devices TensorFlow
 * sees, plugin states, cache folders, free disk and memory. Loads the runtime and opens a graph on
 * the requested {@code --device}, so a missing GPU fails here with exit code 4.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description =
                "Check the installation: Java, TensorFlow, devices, plugins, caches, disk, memory.")
public final class DoctorCommand implements Callable<Integer> {
    private final PluginHost host;
    private final CommandContext ctx;

    @Inject
    DoctorCommand(PluginHost host, CommandContext ctx) {
        this.host = host;
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("dlkit", Version.dlkit());
        report.put(
                "java",
                System.getProperty("java.version")
                        + " ("
                        + System.getProperty("java.vendor")
                        + ")");
        report.put(
                "os",
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch")
                        + ", "
                        + Runtime.getRuntime().availableProcessors()
                        + " cores");
        report.put(
                "tensorflow_java",
                Version.tensorflowJava() + " (" + Version.nativeClassifier() + ")");
        String device;
        try (GraphContext g = ctx.openGraph()) {
            device = g.device().shortName();
        }
        TfRuntime rt = TfRuntime.get();
        report.put("tensorflow", rt.version());
        report.put("devices", rt.devices().stream().map(DoctorCommand::device).toList());
        report.put("device_in_use", device);
        report.put("plugins", host.statuses().stream().map(DoctorCommand::plugin).toList());
        report.put("spark", io.dlkit.cli.addon.AddOns.sparkStatus());
        report.put("caches", caches());
        report.put("memory", memory());
        print(report);
        boolean allStarted = host.statuses().stream().allMatch(PluginStatus::started);
        return allStarted ? 0 : io.dlkit.api.ExitCode.PLUGIN.code();
    }

    private static Map<String, Object> device(DeviceInfo d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type());
        m.put("name", d.shortName());
        m.put("memory_mb", d.memoryBytes() >> 20);
        return m;
    }

    private static String plugin(PluginStatus p) {
        return p.id()
                + " "
                + p.version()
                + " "
                + p.state()
                + (p.reason().isEmpty() ? "" : " (" + p.reason() + ")");
    }

    private static List<Map<String, Object>> caches() {
        List<Map<String, Object>> out = new ArrayList<>();
        String javacpp =
                System.getProperty(
                        "org.bytedeco.javacpp.cachedir",
                        System.getProperty("user.home") + "/.javacpp/cache");
        out.add(folder("javacpp_cache", Path.of(javacpp)));
        String cache = System.getProperty("dlkit.cache");
        if (cache != null) out.add(folder("dlkit_cache", Path.of(cache)));
        out.add(folder("working_dir", Path.of("").toAbsolutePath()));
        return out;
    }

    private static Map<String, Object> folder(String name, Path p) {
        File f = p.toFile();
        File existing = f;
        while (existing != null && !existing.exists()) existing = existing.getParentFile();
        long free = existing == null ? -1 : existing.getUsableSpace() >> 20;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("path", p.toString());
        m.put("exists", f.exists());
        m.put("free_disk_mb", free);
        return m;
    }

    private static Map<String, Object> memory() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jvm_max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("physical_total_mb", os.getTotalMemorySize() >> 20);
            m.put("physical_free_mb", os.getFreeMemorySize() >> 20);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> report) {
        PrintWriter out = ctx.out();
        if (ctx.settings().json()) {
            Json.print(out, report);
            return;
        }
        for (Map.Entry<String, Object> e : report.entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                out.println(e.getKey() + ":");
                for (Object item : list) {
                    out.println(
                            "  "
                                    + (item instanceof Map<?, ?> m
                                            ? oneLine((Map<String, Object>) m)
                                            : item));
                }
            } else if (e.getValue() instanceof Map<?, ?> m) {
                out.println(e.getKey() + ": " + oneLine((Map<String, Object>) m));
            } else {
                out.println(e.getKey() + ": " + e.getValue());
            }
        }
        out.flush();
    }

    private static String oneLine(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach(
                (k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append("=").append(v));
        return sb.toString();
    }
}
