package io.faasflow.functions.fileprocessing;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;

/**
 * Fileprocessing's {@code conversion}: converts the Markdown of input {@code file} to HTML
 * ({@link MarkdownToHtml}, the CommonMark reference rules) and writes it to output {@code html}.
 */
public final class FileprocessingConversion implements WorkflowFunction {
    public static final String SOURCE = "fileprocessing/conversion";

    @Override
    public void run(FunctionContext context) {
        context.put("html", MarkdownToHtml.convert(context.fetch("file")));
    }
}
