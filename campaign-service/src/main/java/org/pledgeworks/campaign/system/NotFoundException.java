package org.pledgeworks.campaign.system;

/**
 * Nothing to see here, for this caller: unknown, or a campaign of an organisation the caller does
 * not belong to (we do not confirm that it exists): 404. A feature whose misses a client tells apart
 * (a public campaign page) extends it with its own title and problem type.
 */
public class NotFoundException extends RuntimeException {

    private final String title;
    private final String type;

    public NotFoundException(String detail) {
        this("Not found", "not-found", detail);
    }

    /** {@code type} is the last segment of the problem type URI, e.g. {@code campaign-not-found}. */
    protected NotFoundException(String title, String type, String detail) {
        super(detail);
        this.title = title;
        this.type = type;
    }

    public String title() {
        return title;
    }

    public String type() {
        return type;
    }
}
