package io.faasflow.functions.fileprocessing;

/**
 * VADER's scores of one text: the proportions of positive, negative and neutral valence (each 0 to 1, summing
 * to about 1 for a text with words) and the compound score, the normalised sum of the valences (-1 to 1).
 */
record Polarity(double positive, double negative, double neutral, double compound) {
    /** VADER's customary threshold: a compound score at least this far from 0 makes a text positive or negative. */
    static final double THRESHOLD = 0.05;
}
