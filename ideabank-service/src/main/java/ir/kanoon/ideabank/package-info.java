/** ideabank-service: ideas and inventions bank (Art. 3-6), evaluation by the ideas working group (Art. 9), referral (Art. 3-15). */
package ir.kanoon.ideabank;
