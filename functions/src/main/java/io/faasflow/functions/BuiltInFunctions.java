package io.faasflow.functions;

import io.faasflow.functions.fileprocessing.FileprocessingConversion;
import io.faasflow.functions.fileprocessing.FileprocessingSentiment;
import io.faasflow.functions.fileprocessing.FileprocessingStart;
import io.faasflow.functions.fileprocessing.FileprocessingUpload;
import io.faasflow.functions.fill.FillFunction;
import io.faasflow.functions.recognizer.RecognizerAdult;
import io.faasflow.functions.recognizer.RecognizerExtract;
import io.faasflow.functions.recognizer.RecognizerMosaic;
import io.faasflow.functions.recognizer.RecognizerTranslate;
import io.faasflow.functions.recognizer.RecognizerUpload;
import io.faasflow.functions.recognizer.RecognizerViolence;
import io.faasflow.functions.recognizer.RecognizerWordCensor;
import io.faasflow.functions.synthetic.SyntheticFunction;
import io.faasflow.functions.synthetic.SyntheticScale;
import io.faasflow.functions.video.VideoMerge;
import io.faasflow.functions.video.VideoSimpleProcess;
import io.faasflow.functions.video.VideoSplit;
import io.faasflow.functions.video.VideoTranscode;
import io.faasflow.functions.video.VideoUpload;
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
     * are registered as {@code <workflow>/<source>} (the engine looks that up before {@code <source>}). Each is
     * made on its first lookup, so a function server loads only the classes of the one function it serves.
     */
    public static FunctionRegistry registry(SyntheticScale scale) {
        return FunctionRegistry.builder()
                .registerLazily(FunctionRegistry.SYNTHETIC, () -> new SyntheticFunction(scale))
                .register("noop", context -> { })
                .register(FAIL, context -> {
                    throw new IllegalStateException("function " + context.spec().name() + " fails on purpose (source '"
                            + FAIL + "')");
                })
                .registerLazily(FillFunction.SOURCE, () -> new FillFunction())
                .registerLazily(WordcountStart.SOURCE, () -> new WordcountStart())
                .registerLazily(WordcountCount.SOURCE, () -> new WordcountCount())
                .registerLazily(WordcountMerge.SOURCE, () -> new WordcountMerge())
                .registerLazily(FileprocessingStart.SOURCE, () -> new FileprocessingStart())
                .registerLazily(FileprocessingConversion.SOURCE, () -> new FileprocessingConversion())
                .registerLazily(FileprocessingSentiment.SOURCE, () -> new FileprocessingSentiment())
                .registerLazily(FileprocessingUpload.SOURCE, () -> new FileprocessingUpload())
                .registerLazily(VideoUpload.SOURCE, () -> new VideoUpload())
                .registerLazily(VideoSimpleProcess.SOURCE, () -> new VideoSimpleProcess())
                .registerLazily(VideoSplit.SOURCE, () -> new VideoSplit())
                .registerLazily(VideoTranscode.SOURCE, () -> new VideoTranscode())
                .registerLazily(VideoMerge.SOURCE, () -> new VideoMerge())
                .registerLazily(RecognizerUpload.SOURCE, () -> new RecognizerUpload())
                .registerLazily(RecognizerAdult.SOURCE, () -> new RecognizerAdult())
                .registerLazily(RecognizerViolence.SOURCE, () -> new RecognizerViolence())
                .registerLazily(RecognizerMosaic.SOURCE, () -> new RecognizerMosaic())
                .registerLazily(RecognizerExtract.SOURCE, () -> new RecognizerExtract())
                .registerLazily(RecognizerTranslate.SOURCE, () -> new RecognizerTranslate())
                .registerLazily(RecognizerWordCensor.SOURCE, () -> new RecognizerWordCensor())
                .build();
    }
}
