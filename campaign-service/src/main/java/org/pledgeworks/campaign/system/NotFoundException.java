package org.pledgeworks.campaign.system;

/**
 * Nothing to see here, for this caller: unknown, or a campaign of an organisation the caller does
 * not belong to (we do not confirm that it exists): 404.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
