package io.faasflow.scheduler.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The faasflow version this scheduler was built as: the tag of the function image it starts by default. */
final class FaasflowVersion {
    private static final String RESOURCE = "faasflow-version.properties";

    private FaasflowVersion() {
    }

    static String current() {
        try (InputStream in = FaasflowVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the node-scheduler jar: rebuild it with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
