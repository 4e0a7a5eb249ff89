package io.mirrorscope.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where classes that Kafka and Connect instantiate by name (interceptors, transforms, predicates) find the running
 * sandbox they belong to: each gets the sandbox id in its configuration ({@value #CONFIG}).
 */
final class SandboxRegistry {

    /** The configuration key holding the sandbox id. */
    static final String CONFIG = "mirrorscope.sandbox.id";

    /** What instantiated-by-name parts need: the tracing and the fault switches. */
    record Runtime(SandboxTracing tracing, SandboxFaults faults, String mirrorService, boolean parentFromHeaders) {
    }

    private static final Map<String, Runtime> RUNTIMES = new ConcurrentHashMap<>();

    private SandboxRegistry() {
    }

    static void register(String id, Runtime runtime) {
        RUNTIMES.put(id, runtime);
    }

    static void unregister(String id) {
        RUNTIMES.remove(id);
    }

    static Runtime lookup(Map<String, ?> configs) {
        Object id = configs.get(CONFIG);
        Runtime runtime = id == null ? null : RUNTIMES.get(id.toString());
        if (runtime == null) {
            throw new IllegalStateException("no running sandbox for " + CONFIG + "=" + id);
        }
        return runtime;
    }
}
