package dev.paradigm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A folder under src/test/resources (a hand-made or an old run folder), and fresh copies of it that a test may change. */
public final class ResourceFolder {
    private ResourceFolder() {}

    /** The folder of the resource {@code /name/config.yaml}: every run-folder fixture has a config.yaml. */
    public static Path of(String name) {
        try {
            return Path.of(ResourceFolder.class.getResource("/" + name + "/config.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the resource folder {@code name} at {@code target}. */
    public static Path copy(String name, Path target) {
        Path source = of(name);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
