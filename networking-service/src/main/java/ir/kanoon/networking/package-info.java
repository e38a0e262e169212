/**
 * networking-service: directory (Art. 3-7), connections (Art. 3-7), Voice of the Advisor (Art. 3-11),
 * tours (Art. 3-9) and support packages (Art. 3-4). Package by feature; directive rules in plain classes.
 */
package ir.kanoon.networking;
