package org.pledgeworks.infra;

/** A port the stack would bind is taken by something else. */
public class PortInUseException extends ConfigException {

    private final PortClaim claim;

    public PortInUseException(PortClaim claim) {
        super("port " + claim.port() + " for " + claim.what() + " is already in use — stop what uses it or set "
                + claim.variable());
        this.claim = claim;
    }

    public PortClaim claim() {
        return claim;
    }
}
