package ir.kanoon.governance.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** All checks of one province as of a day; {@code status} is the worst of them. */
@Schema(name = "ProvinceCompliance")
public record ProvinceCompliance(String province, String provinceName, LocalDate asOf, String asOfJalali,
                                 CheckStatus status, List<CheckResult> checks) {
}
