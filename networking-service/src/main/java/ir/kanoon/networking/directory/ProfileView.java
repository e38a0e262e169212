package ir.kanoon.networking.directory;

/**
 * The caller's own networking settings: whether they are hidden from the directory, and the contact details they
 * share with accepted connections only. {@code listing} is their card as others see it (null while they are not an
 * active member).
 */
public record ProfileView(boolean hidden, String contactEmail, String contactPhone, String contactNote,
                          DirectoryView listing) {
}
