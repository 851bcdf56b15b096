package dev.paradigm.testing;

import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonRuntime;
import java.nio.file.Path;

/**
 * Hugging Face judges saved offline by {@code python/tests/tiny_judge.py}, through this JVM's shared Python: a tiny
 * randomly initialised GPT-2 that works, and one whose tokenizer loses text.
 */
public final class TinyJudge {
    private TinyJudge() {}

    /** A working tiny judge in {@code folder}. */
    public static Path save(Path folder) {
        return call("save_tiny_judge", folder);
    }

    /** A judge whose tokenizer cannot give back the text it encoded, in {@code folder}. */
    public static Path saveLossy(Path folder) {
        return call("save_lossy_judge", folder);
    }

    private static Path call(String function, Path folder) {
        PythonRuntime python = PythonRuntime.shared();
        String tests = Path.of(System.getProperty("paradigm.home", ".")).resolve("python/tests").toAbsolutePath().toString();
        python.exec("import sys\nif " + pyString(tests) + " not in sys.path: sys.path.insert(0, " + pyString(tests) + ")");
        python.invoke(new PythonApi.Function("tiny_judge", function), folder.toString());
        return folder;
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
