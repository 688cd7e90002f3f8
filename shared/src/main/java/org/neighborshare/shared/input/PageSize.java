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

/** The page-size rule of every list: 1 to {@link #MAX} rows, as the gateway also enforces (docs/rules.md). */
@Documented
@Min(1)
@Max(PageSize.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({PARAMETER, FIELD})
@Retention(RUNTIME)
public @interface PageSize {

    int MAX = 100;

    String message() default "must be a page size from 1 to " + MAX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
