package ir.kanoon.governance.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** One compliance check of a province: its status, the article it enforces, and the facts behind it. */
@Schema(name = "ComplianceCheck")
public record CheckResult(String check, String article, CheckStatus status, Map<String, Object> facts) {
}
