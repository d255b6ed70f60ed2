package org.pledgeworks.infra;

/** A port the stack is about to bind, who it is for, and the variable that moves it. */
public record PortClaim(String what, int port, String variable) {
}
