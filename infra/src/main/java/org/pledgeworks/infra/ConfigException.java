package org.pledgeworks.infra;

/**
 * The stack cannot start as configured (a bad setting, a taken port, a jar not built yet, another
 * launcher on the same data). Nothing was started; the message says what to change.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
