package org.pledgeworks.pledge.signing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A postal code, when given, has the shape its country uses, for the countries whose shape we know;
 * for the others any short printable text passes.
 */
@Documented
@Constraint(validatedBy = PostalCodeFitsCountry.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PostalCodeFitsCountry {

    String message() default "This is not a postal code of the chosen country.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PostalCodeFitsCountry, SignPledgeRequest> {

        static final Map<String, Pattern> PATTERNS = Map.ofEntries(
                Map.entry("GB", Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}")),
                Map.entry("US", Pattern.compile("[0-9]{5}(-[0-9]{4})?")),
                Map.entry("DE", Pattern.compile("[0-9]{5}")),
                Map.entry("FR", Pattern.compile("[0-9]{5}")),
                Map.entry("ES", Pattern.compile("[0-9]{5}")),
                Map.entry("IT", Pattern.compile("[0-9]{5}")),
                Map.entry("NL", Pattern.compile("[1-9][0-9]{3} ?[A-Z]{2}")),
                Map.entry("BE", Pattern.compile("[1-9][0-9]{3}")),
                Map.entry("AT", Pattern.compile("[1-9][0-9]{3}")),
                Map.entry("CH", Pattern.compile("[1-9][0-9]{3}")),
                Map.entry("DK", Pattern.compile("[1-9][0-9]{3}")),
                Map.entry("NO", Pattern.compile("[0-9]{4}")),
                Map.entry("SE", Pattern.compile("[1-9][0-9]{2} ?[0-9]{2}")),
                Map.entry("PL", Pattern.compile("[0-9]{2}-[0-9]{3}")),
                Map.entry("PT", Pattern.compile("[0-9]{4}-[0-9]{3}")),
                Map.entry("IE", Pattern.compile("[A-Z][0-9][0-9W] ?[0-9A-Z]{4}")),
                Map.entry("CA", Pattern.compile("[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]")),
                Map.entry("AU", Pattern.compile("[0-9]{4}")),
                Map.entry("BR", Pattern.compile("[0-9]{5}-?[0-9]{3}")),
                Map.entry("IN", Pattern.compile("[1-9][0-9]{5}")),
                Map.entry("JP", Pattern.compile("[0-9]{3}-?[0-9]{4}")));

        private static final Pattern ANY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,11}");

        @Override
        public boolean isValid(SignPledgeRequest request, ConstraintValidatorContext context) {
            String code = request.normalisedPostalCode();
            if (code == null || request.country() == null) {
                return true;
            }
            Pattern pattern = PATTERNS.getOrDefault(request.country().toUpperCase(Locale.ROOT), ANY);
            if (pattern.matcher(code).matches()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("postalCode").addConstraintViolation();
            return false;
        }
    }
}
