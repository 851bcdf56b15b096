package dev.paradigm.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed when the jar was built (from pom.xml, through a filtered resource). */
public record BuildInfo(String version, String jepVersion) {

    public static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/paradigm/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the jar; rebuild with `mvn package`.");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(props.getProperty("version"), props.getProperty("jep.version"));
    }
}
