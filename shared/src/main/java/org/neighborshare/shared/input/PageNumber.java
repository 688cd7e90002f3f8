package org.neighborshare.shared.input;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The paging rule of every list: a page number from 0 to {@link #MAX} (a 400 naming the parameter otherwise),
 * so that {@code page * size} can never overflow and no query skips a million rows (docs/rules.md).
 */
@Documented
@Min(0)
@Max(PageNumber.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({PARAMETER, FIELD})
@Retention(RUNTIME)
public @interface PageNumber {

    int MAX = 10_000;

    String message() default "must be a page number from 0 to " + MAX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
