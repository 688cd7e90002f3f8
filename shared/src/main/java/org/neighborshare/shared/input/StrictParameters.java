package org.neighborshare.shared.input;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Reads the parameters of every resource method: text must be {@link PlainText}, and a UUID or a number that
 * does not parse is a 400 problem naming the parameter ({@link BadParameterException}), where JAX-RS would
 * answer a path or query parameter's failure with a bare 404.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == String.class) {
            return (ParamConverter<T>) new Strict<>(name, s -> {
                if (!PlainText.holds(s)) {
                    throw new BadParameterException(name, PlainText.RULE);
                }
                return s;
            });
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, s -> parse(name, "must be a UUID", s, UUID::fromString));
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>)
                    new Strict<>(name, s -> parse(name, "must be a whole number", s, Integer::valueOf));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(name, s -> parse(name, "must be a whole number", s, Long::valueOf));
        }
        return null;
    }

    private static <V> V parse(String name, String rule, String value, Function<String, V> parser) {
        // Only the canonical forms: no sign-less tricks like "+1", no whitespace, no 0x, no other digits.
        if (value.isEmpty() || !value.chars().allMatch(c -> c == '-' || c < 0x80 && Character.isLetterOrDigit(c))) {
            throw new BadParameterException(name, rule);
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new BadParameterException(name, rule);
        }
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            String name = a instanceof PathParam a0
                    ? a0.value()
                    : a instanceof QueryParam a1
                            ? a1.value()
                            : a instanceof HeaderParam a2
                                    ? a2.value()
                                    : a instanceof FormParam a3
                                            ? a3.value()
                                            : a instanceof CookieParam a4
                                                    ? a4.value()
                                                    : a instanceof MatrixParam a5
                                                            ? a5.value()
                                                            : a instanceof RestPath a6
                                                                    ? a6.value()
                                                                    : a instanceof RestQuery a7
                                                                            ? a7.value()
                                                                            : a instanceof RestHeader a8
                                                                                    ? a8.value()
                                                                                    : a instanceof RestForm a9
                                                                                            ? a9.value()
                                                                                            : a
                                                                                                            instanceof
                                                                                                            RestCookie
                                                                                                                    a10
                                                                                                    ? a10.value()
                                                                                                    : a
                                                                                                                    instanceof
                                                                                                                    RestMatrix
                                                                                                                            a11
                                                                                                            ? a11
                                                                                                                    .value()
                                                                                                            : null;
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return "parameter";
    }

    private record Strict<V>(String name, Function<String, V> read) implements ParamConverter<V> {

        @Override
        public V fromString(String value) {
            return value == null ? null : read.apply(value);
        }

        @Override
        public String toString(V value) {
            return value == null ? null : value.toString();
        }
    }
}
