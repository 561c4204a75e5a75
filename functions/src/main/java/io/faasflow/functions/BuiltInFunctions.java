package io.faasflow.functions;

import io.faasflow.functions.fileprocessing.FileprocessingConversion;
import io.faasflow.functions.fileprocessing.FileprocessingSentiment;
import io.faasflow.functions.fileprocessing.FileprocessingStart;
import io.faasflow.functions.fileprocessing.FileprocessingUpload;
import io.faasflow.functions.fill.FillFunction;
import io.faasflow.functions.synthetic.SyntheticFunction;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.functions.wordcount.WordcountCount;
import io.faasflow.functions.wordcount.WordcountMerge;
import io.faasflow.functions.wordcount.WordcountStart;

/** The implementations that ship with faasflow, ready to register. */
public final class BuiltInFunctions {
    /** Source of a function that throws on every try: for checking retry and failure handling. */
    public static final String FAIL = "fail";

    private BuiltInFunctions() {
    }

    /**
     * A registry of every built-in function; the synthetic one uses {@code scale}. A workflow's own functions
     * are registered as {@code <workflow>/<source>} (the engine looks that up before {@code <source>}).
     */
    public static FunctionRegistry registry(SyntheticScale scale) {
        return FunctionRegistry.builder()
                .register(FunctionRegistry.SYNTHETIC, new SyntheticFunction(scale))
                .register("noop", context -> { })
                .register(FAIL, context -> {
                    throw new IllegalStateException("function " + context.spec().name() + " fails on purpose (source '"
                            + FAIL + "')");
                })
                .register(FillFunction.SOURCE, new FillFunction())
                .register(WordcountStart.SOURCE, new WordcountStart())
                .register(WordcountCount.SOURCE, new WordcountCount())
                .register(WordcountMerge.SOURCE, new WordcountMerge())
                .register(FileprocessingStart.SOURCE, new FileprocessingStart())
                .register(FileprocessingConversion.SOURCE, new FileprocessingConversion())
                .register(FileprocessingSentiment.SOURCE, new FileprocessingSentiment())
                .register(FileprocessingUpload.SOURCE, new FileprocessingUpload())
                .build();
    }
}
