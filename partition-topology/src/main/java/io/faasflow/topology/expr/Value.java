package io.faasflow.topology.expr;

/** A scalar value of the expression language: null, boolean, number (double) or string. */
public sealed interface Value permits NullValue, BooleanValue, NumberValue, StringValue {

    /** The null value ({@code null} / {@code None}). */
    NullValue NULL = new NullValue();
    /** The boolean true. */
    BooleanValue TRUE = new BooleanValue(true);
    /** The boolean false. */
    BooleanValue FALSE = new BooleanValue(false);

    /** Python-like truthiness: null, false, 0 and the empty string are false, all else true. */
    boolean truthy();

    /** The type name used in error messages: {@code null}, {@code boolean}, {@code number}, {@code string}. */
    String typeName();

    /** A boolean value. */
    static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A number value. */
    static NumberValue of(double value) {
        return new NumberValue(value);
    }

    /** A string value. */
    static StringValue of(String value) {
        return new StringValue(value);
    }
}
