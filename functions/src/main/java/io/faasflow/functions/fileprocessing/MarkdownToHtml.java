package io.faasflow.functions.fileprocessing;

import java.nio.charset.StandardCharsets;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Converts CommonMark Markdown to an HTML fragment with commonmark-java, configured as the library's defaults. */
final class MarkdownToHtml {
    // Both are immutable once built and documented as safe to share between threads.
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    private MarkdownToHtml() {
    }

    /** The HTML of UTF-8 Markdown, as UTF-8 (malformed input bytes become U+FFFD). */
    static byte[] convert(byte[] markdown) {
        String html = RENDERER.render(PARSER.parse(new String(markdown, StandardCharsets.UTF_8)));
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
