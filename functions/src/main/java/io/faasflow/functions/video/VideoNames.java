package io.faasflow.functions.video;

/** Names the workflow derives from its inputs. */
final class VideoNames {
    private VideoNames() {
    }

    /** {@code <user_name>/<video_name without its extension>}: where the original put a user's results. */
    static String outputPrefix(String userName, String videoName) {
        return userName + "/" + stem(videoName);
    }

    /** The name without its last extension ({@code a.b.mp4} gives {@code a.b}); a name without one is kept. */
    static String stem(String videoName) {
        int dot = videoName.lastIndexOf('.');
        return dot > 0 ? videoName.substring(0, dot) : videoName;
    }
}
