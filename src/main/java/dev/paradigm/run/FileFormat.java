package dev.paradigm.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;

/**
 * The format name and version a run-folder file declares ({@code "format"} and {@code "version"}: the first line of a
 * JSON Lines file, the first fields of a JSON file), and the stage that writes it, named when a file is missing or
 * of another format. A reader accepts its own version only: a file of another one (or of none: written before the
 * files had versions) is refused with the command that writes it again.
 *
 * @param name    e.g. {@code paradigm-metrics-log}
 * @param version the only version this paradigm reads and writes; a change of the record's fields bumps it
 * @param stage   the {@code compare --force} stage that rewrites the file: train, sample or evaluate
 */
record FileFormat(String name, int version, String stage) {

    /** The header line of a JSON Lines file. */
    record Header(String format, int version) {}

    Header header() {
        return new Header(name, version);
    }

    /** Refuses {@code declared} (a header line or a whole JSON object) unless it names this format and version. */
    void check(JsonNode declared, Path file, RunFolder run) {
        JsonNode format = declared == null ? null : declared.get("format");
        JsonNode version = declared == null ? null : declared.get("version");
        if (format == null || !format.isTextual()) {
            throw new RunFileException(file + " was written by an older paradigm (no format version), which this one "
                    + "cannot read. " + redo(run));
        }
        if (!format.asText().equals(name) || version == null || version.asInt(-1) != this.version) {
            throw new RunFileException(file + " is format '" + format.asText() + "' version " + version + "; this paradigm "
                    + "reads " + this + ". " + redo(run));
        }
    }

    /** What to run to write the file again in this format (and everything that depends on it). */
    String redo(RunFolder run) {
        Path root = run.root();
        return "Rerun `paradigm compare --config " + run.config() + " --run-dir " + root + " --force " + stage
                + "` to redo the " + stage + " stage and the ones after it.";
    }

    /** The file is not there. */
    RunFileException missing(Path file) {
        return new RunFileException(file + " does not exist. It is written by the " + stage + " stage (`paradigm " + stage
                + "`); run that stage for this run folder first.");
    }

    /**
     * The file (or its line {@code line}, counting from 1; 0 for a whole JSON file) is not JSON, or not JSON of this
     * format's shape: the message says which field is missing, unknown or of the wrong type.
     */
    RunFileException unreadable(Path file, int line, JsonProcessingException e) {
        String where = file + (line > 0 ? " line " + line : "");
        String path = path(e);
        String problem;
        if (e instanceof StreamReadException) { // JSON syntax, a line cut short
            problem = " is not valid JSON (" + e.getOriginalMessage() + ").";
        } else if (e instanceof UnrecognizedPropertyException) {
            problem = " has a field \"" + path + "\" that " + this + " does not have.";
        } else if (e instanceof InvalidTypeIdException) {
            problem = " is of a kind that " + this + " does not have (" + e.getOriginalMessage() + ").";
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Missing")) {
            problem = " has no \"" + path + "\" field, which " + this + " has.";
        } else {
            problem = ": \"" + path + "\" " + e.getOriginalMessage() + ".";
        }
        return new RunFileException(where + problem + " It is written by the " + stage + " stage (`paradigm " + stage
                + "`).", e);
    }

    @Override
    public String toString() {
        return "'" + name + "' version " + version;
    }

    /** The dotted path of the field a Jackson error is about, e.g. {@code analysis.best_step}. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
