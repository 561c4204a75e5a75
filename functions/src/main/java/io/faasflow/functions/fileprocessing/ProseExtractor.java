package io.faasflow.functions.fileprocessing;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The prose of a Markdown document, as a sentiment analyser should read it: the plain text of every heading and
 * paragraph (those in list items and block quotes too), in document order, with the markup removed (link text
 * kept, link targets dropped). Code, whether fenced, indented or inline, and raw HTML are left out: they are not
 * prose and their words would only add noise.
 */
final class ProseExtractor {
    private static final Parser PARSER = Parser.builder().build();

    private ProseExtractor() {
    }

    /** One string per heading or paragraph that has any text. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                add(heading);
            }

            @Override
            public void visit(Paragraph paragraph) {
                add(paragraph);
            }

            private void add(Node block) {
                String text = plainText(block);
                if (!text.isBlank()) {
                    blocks.add(text);
                }
            }
        });
        return blocks;
    }

    private static String plainText(Node block) {
        StringBuilder text = new StringBuilder();
        block.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(Code node) {
                // inline code is not prose
            }

            @Override
            public void visit(HtmlInline node) {
                // raw HTML is not prose
            }
        });
        return text.toString();
    }
}
