package io.mirrorscope.app;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.mirrorscope.core.Redactor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The log's encoder: formats a line (message and stack trace) as the pattern says, then passes it through the
 * {@link Redactor}, so neither a message nor an exception text from a library can put a credential into the log
 * file or onto the terminal. Named in logback.xml for every appender.
 */
public final class RedactingEncoder extends PatternLayoutEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = super.encode(event);
        Charset charset = getCharset() == null ? StandardCharsets.UTF_8 : getCharset();
        String text = new String(line, charset);
        String scrubbed = Redactor.scrub(text);
        return scrubbed.equals(text) ? line : scrubbed.getBytes(charset);
    }
}
