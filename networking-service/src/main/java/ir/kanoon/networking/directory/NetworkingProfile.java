package ir.kanoon.networking.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person's own networking choices: hidden from the directory or not, and the contact details they are willing to
 * share with people whose introduction they accepted (membership's events carry no contact data, by design).
 */
@Entity
@Table(name = "networking_profile")
public class NetworkingProfile {

    @Id
    @Column(name = "user_id")
    public String userId;

    public boolean hidden;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_note")
    public String contactNote;

    @Version
    public long version;
}
