package org.pledgeworks.pledge.signatures;

/** Why a signature was held back. Rate reasons may be a shared office network, so their mail still goes. */
public enum QuarantineReason {
    IP_RATE("ip-rate", true),
    DOMAIN_RATE("domain-rate", true),
    HONEYPOT("honeypot", false),
    BLOCKED_DOMAIN("blocked-domain", false);

    private final String code;
    private final boolean mailed;

    QuarantineReason(String code, boolean mailed) {
        this.code = code;
        this.mailed = mailed;
    }

    public String code() {
        return code;
    }

    /** Whether the signer still gets mail: not for robots and throwaway addresses. */
    public boolean mailed() {
        return mailed;
    }

    /** @return the reason with this code, or null for none (or one this version does not know) */
    static QuarantineReason ofCode(String code) {
        for (QuarantineReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        return null;
    }
}
