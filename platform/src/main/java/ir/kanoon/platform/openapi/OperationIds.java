package ir.kanoon.platform.openapi;

import io.smallrye.openapi.api.OperationIdGenerator;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.MethodInfo;

/**
 * The operationId of a resource method without an explicit {@code @Operation(operationId = ...)}:
 * the resource's noun and the method, {@code ApplicationResource#get} → {@code applicationGet},
 * {@code ProvinceResource#list} → {@code provinceList}.
 *
 * <p>Why not SmallRye's own strategies: {@code METHOD} repeats {@code get}/{@code list}/{@code history} in
 * every resource, which is what made {@code openapi-generator validate} refuse the documents (issue 7);
 * {@code CLASS_METHOD} gives {@code ApplicationResource_get}, which generators turn into names like
 * {@code applicationResourceGet}. Class + method is unique inside a service as long as two resource classes
 * do not share a simple name; {@link ApiDocumentFilter} refuses a document where that happens.
 *
 * <p>Wired by {@code mp.openapi.extensions.smallrye.operationIdStrategy} (SmallRye loads a class of that
 * name) in the platform's {@code microprofile-config.properties}.
 */
public class OperationIds implements OperationIdGenerator {

    @Override
    public String generateOperationId(ClassInfo resource, MethodInfo method) {
        return of(resource.simpleName(), method.name());
    }

    /** {@code ("ApplicationResource", "get")} → {@code applicationGet}; nested {@code Outer$Inner} uses {@code Inner}. */
    public static String of(String classSimpleName, String methodName) {
        String noun = classSimpleName.substring(classSimpleName.lastIndexOf('$') + 1);
        if (noun.endsWith("Resource") && noun.length() > "Resource".length()) {
            noun = noun.substring(0, noun.length() - "Resource".length());
        }
        return Character.toLowerCase(noun.charAt(0)) + noun.substring(1)
                + Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1);
    }
}
