package io.faasflow.functions.fileprocessing;

import io.faasflow.functions.FunctionContext;
import io.faasflow.functions.WorkflowFunction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fileprocessing's {@code upload}, which collects both results: reads input {@code html} (the conversion) and
 * input {@code score} (the sentiment), checks them and combines them into an {@link UploadRecord}. The record is
 * written to output {@value #RECORD_OUTPUT} when the function declares one; the bundled workflow declares no
 * output for {@code upload} (the original's stored nothing), and there the record is only logged at INFO.
 * A run fails with an {@link IllegalArgumentException} when {@code html} is empty or {@code score} is not a
 * {@link SentimentSummary}.
 */
public final class FileprocessingUpload implements WorkflowFunction {
    public static final String SOURCE = "fileprocessing/upload";
    public static final String RECORD_OUTPUT = "record";
    private static final Logger LOG = LoggerFactory.getLogger(FileprocessingUpload.class);

    @Override
    public void run(FunctionContext context) {
        String function = context.spec().name();
        byte[] html = context.fetch("html");
        if (html.length == 0) {
            throw new IllegalArgumentException("function " + function + ": input 'html' is empty");
        }
        SentimentSummary sentiment = SentimentSummary.read(context.fetch("score"),
                "function " + function + " input 'score'");
        byte[] record = UploadRecord.of(html, sentiment).toJson();
        if (context.spec().outputs().containsKey(RECORD_OUTPUT)) {
            context.put(RECORD_OUTPUT, record);
        }
        LOG.info("{} of invocation {}: {}", function, context.invocationId(),
                new String(record, StandardCharsets.UTF_8));
    }
}
