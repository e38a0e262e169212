/**
 * workgroup-service: working groups (Art. 9) and the meetings of every body — the Board of Trustees, the
 * Association and the working groups — with attendance, quorum, resolutions, cadence (Art. 7 Note, Art. 9
 * Note 2) and calendars. Packages by feature: {@code group}, {@code people} (projection of members and
 * trustees), {@code meeting}, {@code resolution}, {@code cadence}, {@code calendar}.
 */
package ir.kanoon.workgroup;
