/** governance-service: the Board of Trustees (Art. 5, 6), officers (Art. 8), compliance and quarterly reports. */
package ir.kanoon.governance;
