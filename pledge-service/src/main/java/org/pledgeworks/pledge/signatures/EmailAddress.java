package org.pledgeworks.pledge.signatures;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An address mail can be sent to: RFC 5321 lengths (254 in all, 64 before the @, 63 per domain
 * label), a dot-atom local part (letters of any script allowed, RFC 6531), a domain of at least two
 * labels; no spaces, quotes, comments, IP literals or invisible characters.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default "This does not look like an email address.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EmailAddress, String> {

        private static final Pattern ATOM = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+");
        private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return valid(value.strip());
        }

        public static boolean valid(String email) {
            if (email.length() > 254) {
                return false;
            }
            int at = email.lastIndexOf('@');
            if (at < 1 || at > 64 || at == email.length() - 1) {
                return false;
            }
            for (String atom : email.substring(0, at).split("\\.", -1)) {
                if (!ATOM.matcher(atom).matches()) {
                    return false;
                }
            }
            String[] labels = email.substring(at + 1).split("\\.", -1);
            if (labels.length < 2) {
                return false;
            }
            for (String label : labels) {
                if (!LABEL.matcher(label).matches()) {
                    return false;
                }
            }
            return labels[labels.length - 1].chars().anyMatch(Character::isLetter);
        }
    }
}
