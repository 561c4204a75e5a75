package io.faasflow.ingress;

/** A workflow or invocation the client named does not exist (as far as this ingress knows). */
public final class NotFoundException extends IngressException {
    private final String kind;
    private final String id;

    private NotFoundException(String kind, String id) {
        super("no " + kind + " '" + id + "' is " + (kind.equals("workflow") ? "deployed" : "known"), false, null);
        this.kind = kind;
        this.id = id;
    }

    /** No deployed workflow of that name. */
    public static NotFoundException workflow(String name) {
        return new NotFoundException("workflow", name);
    }

    /** No invocation of that id was submitted here nor has a result. */
    public static NotFoundException invocation(String id) {
        return new NotFoundException("invocation", id);
    }

    /** {@code workflow} or {@code invocation}. */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    @Override
    public String type() {
        return "NotFound";
    }
}
