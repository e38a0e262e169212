package ir.kanoon.governance.compliance;

public enum CheckStatus {
    OK, WARNING, VIOLATION
}
