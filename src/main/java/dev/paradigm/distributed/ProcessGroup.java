package dev.paradigm.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paradigm.runtime.PythonApi;
import dev.paradigm.runtime.PythonRuntime;
import java.io.UncheckedIOException;

/**
 * The Java handle on torch.distributed's default process group (held by this JVM's embedded Python): the few
 * collectives the training loop calls. Every rank must call them in the same order; a single process ({@link
 * #single()}) makes them no-ops without touching Python.
 */
public final class ProcessGroup {
    private static final ProcessGroup SINGLE = new ProcessGroup(null, 0, 1, "none", "n/a");

    private final PythonRuntime python;
    private final int rank;
    private final int size;
    private final String backend;
    private final String device;

    private ProcessGroup(PythonRuntime python, int rank, int size, String backend, String device) {
        this.python = python;
        this.rank = rank;
        this.size = size;
        this.backend = backend;
        this.device = device;
    }

    /** Rank 0 of 1: nothing to communicate. */
    public static ProcessGroup single() {
        return SINGLE;
    }

    /**
     * Joins the job as {@code identity} (blocks until every rank has joined): gloo when {@code deviceSetting}
     * ({@code train.device}) resolves to the CPU, NCCL with device cuda:LOCAL_RANK on CUDA.
     */
    public static ProcessGroup join(PythonRuntime python, WorldIdentity identity, String deviceSetting) {
        String json = (String) python.invoke(PythonApi.JOIN, identity.rank(), identity.localRank(), identity.size(),
                identity.masterAddr(), identity.masterPort(), deviceSetting);
        try {
            JsonNode info = new ObjectMapper().readTree(json);
            return new ProcessGroup(python, identity.rank(), identity.size(), info.path("backend").asText(),
                    info.path("device").asText());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int rank() {
        return rank;
    }

    public int size() {
        return size;
    }

    public boolean isMain() {
        return rank == 0;
    }

    public boolean isDistributed() {
        return size > 1;
    }

    public String backend() {
        return backend;
    }

    public String device() {
        return device;
    }

    /** Waits until every rank has arrived. */
    public void barrier() {
        if (isDistributed()) {
            python.invoke(PythonApi.BARRIER);
        }
    }

    /** Rank 0's {@code text} on every rank (the others' argument is ignored). */
    public String broadcast(String text) {
        return isDistributed() ? (String) python.invoke(PythonApi.BROADCAST_TEXT, text) : text;
    }

    /** Whether {@code flag} is true on any rank; every rank gets the same answer. */
    public boolean anyTrue(boolean flag) {
        return isDistributed() ? (Boolean) python.invoke(PythonApi.ANY_TRUE, flag) : flag;
    }

    /** Leaves the job (destroys the process group); the handle must not be used afterwards. */
    public void leave() {
        if (isDistributed()) {
            python.invoke(PythonApi.LEAVE);
        }
    }

    @Override
    public String toString() {
        return "rank " + rank + " of " + size + (isDistributed() ? " (" + backend + ", " + device + ")" : "");
    }
}
