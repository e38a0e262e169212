package ir.kanoon.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a creating {@code POST} resource method that returns a {@code Response}: honours the
 * {@code Idempotency-Key} header. The first request's response is stored with the key (in the same
 * transaction as what it created); a retry with the same key and body gets that response again
 * (header {@code Idempotency-Replayed: true}) and creates nothing; the same key with another body or
 * path is a 422. Keys are per caller and kept for {@code kanoon.idempotency.retention} (24h).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
