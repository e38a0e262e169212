package ir.kanoon.platform.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Query and header parameters that do not convert ({@code ?status=NOPE}, {@code ?limit=abc}) are a 400
 * naming the parameter and what it accepts. JAX-RS would answer 404 "not found" for a query parameter,
 * which sends a client looking for a missing resource instead of its typo.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, "param.one-of", allowed, s -> Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT)));
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, "param.integer", null, s -> Integer.valueOf(s.strip()));
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, "param.integer", null, s -> Long.valueOf(s.strip()));
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, String messageKey, String allowed,
                                                   java.util.function.Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(Problems.invalid(name, messageKey, allowed));
                }
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value instanceof Enum<?> en ? en.name() : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
            if (a instanceof RestQuery q && !q.value().isEmpty()) {
                return q.value();
            }
            if (a instanceof RestHeader h && !h.value().isEmpty()) {
                return h.value();
            }
        }
        return null;
    }
}
