package dev.paradigm.train;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, the {@link StopSignal}s ask the training loop to stop: the first one sets {@link #flag()}, which the
 * loop reads after each step, so it writes a checkpoint at the step it is on and returns. A second Ctrl-C exits at
 * once (a person who means it); a repeated TERM or USR1 changes nothing, so a scheduler or launcher that signals
 * every process of a job, and its parent too, cannot cut the checkpoint short. Closing restores the handlers that
 * were there before (the JVM's: TERM exits, USR1 is ignored).
 */
public final class StopRequest implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StopRequest.class);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<StopSignal> first = new AtomicReference<>();
    private final Map<StopSignal, SignalHandler> previous = new EnumMap<>(StopSignal.class);

    private StopRequest() {}

    /** Installs the handlers; a signal this platform reserves or lacks is left alone. */
    public static StopRequest onSignals() {
        StopRequest request = new StopRequest();
        for (StopSignal signal : StopSignal.values()) {
            try {
                request.previous.put(signal, Signal.handle(new Signal(signal.name()), s -> request.received(signal)));
            } catch (IllegalArgumentException unsupported) {
                // e.g. USR1 is taken by the JVM on some platforms; that signal then keeps its default
            }
        }
        return request;
    }

    /** A request that no signal sets (for training driven by other code, e.g. tests). */
    public static StopRequest none() {
        return new StopRequest();
    }

    private void received(StopSignal signal) {
        if (!first.compareAndSet(null, signal)) {
            if (signal == StopSignal.INT && first.get() == StopSignal.INT) {
                System.exit(StopSignal.INT.exitCode()); // the last checkpoint stays valid: they are renamed into place
            }
            return;
        }
        requested.set(true);
        log.warn("{} received: writing a checkpoint after this step, then stopping{}.", signal.description(),
                signal == StopSignal.INT ? " (Ctrl-C again to exit at once)" : "");
    }

    /** True once a stop was asked for; the training loop polls it. */
    public AtomicBoolean flag() {
        return requested;
    }

    /** The first signal received, if any (a rank of a distributed run may stop because another one was asked to). */
    public Optional<StopSignal> signal() {
        return Optional.ofNullable(first.get());
    }

    @Override
    public void close() {
        previous.forEach((signal, handler) -> Signal.handle(new Signal(signal.name()), handler));
        previous.clear();
    }
}
