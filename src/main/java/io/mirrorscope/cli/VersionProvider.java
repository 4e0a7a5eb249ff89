package io.mirrorscope.cli;

import io.mirrorscope.core.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code mirrorscope --version}: the app's version and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "MirrorScope " + AppVersion.version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }
}
