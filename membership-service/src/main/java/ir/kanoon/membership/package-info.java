/** Membership of the provincial Entrepreneurs' Associations: applications, qualification, members (Art. 4, 7). */
package ir.kanoon.membership;
