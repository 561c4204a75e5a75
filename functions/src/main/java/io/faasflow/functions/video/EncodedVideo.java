package io.faasflow.functions.video;

/** An encoded video and the number of frames encoded into it. */
record EncodedVideo(byte[] mp4, int frames) {
}
