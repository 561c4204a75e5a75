package io.faasflow.storage.access;

/**
 * The CouchDB user that function code logs in as: a member of the data database and nothing more, so that a
 * function can read and write invocation data but cannot create, drop or read other databases, change users or
 * permissions, or write design documents.
 */
public final class FunctionUser {
    private FunctionUser() {
    }

    /**
     * Creates the data database and the user of {@code function} when missing and makes the user a member of the
     * database, with the server admin of {@code admin}; then {@link #check checks} it.
     *
     * @throws IllegalArgumentException when {@code function} has no credentials or names an admin
     * @throws IllegalStateException when CouchDB refuses a call
     */
    public static CouchSession provision(CouchEndpoint admin, String database, CouchEndpoint function) {
        if (!function.hasCredentials()) {
            throw new IllegalArgumentException("the function user's URL " + function + " has no user name and password");
        }
        CouchAccounts accounts = new CouchAccounts(admin);
        CouchSession session = accounts.session();
        if (!session.isAdmin()) {
            throw new IllegalArgumentException("the admin URL " + admin + " does not log in as a server admin ("
                    + session + "): it cannot create the function user");
        }
        accounts.ensureDatabase(database);
        accounts.ensureUser(function.user(), function.password());
        accounts.addMember(database, function.user());
        return check(function);
    }

    /**
     * Asks CouchDB whom {@code function} logs in as, and refuses it unless that is a user other than an admin.
     *
     * @throws IllegalArgumentException when the URL logs in as a server admin, anonymously or not at all
     * @throws IllegalStateException when CouchDB does not answer
     */
    public static CouchSession check(CouchEndpoint function) {
        CouchSession session = new CouchAccounts(function).session();
        if (session.isAdmin()) {
            throw new IllegalArgumentException(function + " logs in as the server admin '" + session.name()
                    + "'; function code must get a user without admin rights");
        }
        if (session.name() == null || !session.name().equals(function.user())) {
            throw new IllegalArgumentException(function + " does not log in as '" + function.user()
                    + "' (CouchDB answers user " + session.name() + ")");
        }
        return session;
    }
}
