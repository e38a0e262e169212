package ir.kanoon.workgroup.calendar;

import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.workgroup.meeting.Body;
import ir.kanoon.workgroup.meeting.Meeting;
import ir.kanoon.workgroup.meeting.MeetingStatus;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * RFC 5545 calendars with ical4j: times in {@code Asia/Tehran} (DTSTART;TZID=Asia/Tehran with its VTIMEZONE),
 * a stable UID per meeting, SEQUENCE = entity version (a reschedule updates subscribers' copies), CANCELLED
 * meetings kept with STATUS:CANCELLED, and a URL to the meeting in the API.
 */
@ApplicationScoped
public class CalendarService {

    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    @Inject
    @ConfigProperty(name = "kanoon.workgroup.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public String render(String name, List<Meeting> meetings) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Kanoon//workgroup-service//FA"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", name));
        cal.add(new XProperty("X-WR-TIMEZONE", TehranTime.ZONE.getId()));
        cal.add(REGISTRY.getTimeZone(TehranTime.ZONE.getId()).getVTimeZone());
        for (Meeting m : meetings) {
            cal.add(event(m));
        }
        return cal.toString();
    }

    private VEvent event(Meeting m) {
        ZonedDateTime start = ZonedDateTime.ofInstant(m.startsAt, TehranTime.ZONE);
        ZonedDateTime end = ZonedDateTime.ofInstant(m.endsAt, TehranTime.ZONE);
        VEvent e = new VEvent(start, end, m.title);
        String link = publicUrl + "/api/v1/meetings/" + m.id;
        e.add(new Uid(m.id + "@kanoon"));
        e.add(new DtStamp(m.createdAt));
        e.add(new Sequence((int) m.version));
        e.add(new Url(URI.create(link)));
        String where = m.place != null ? m.place : m.onlineUrl;
        if (where != null) {
            e.add(new Location(where));
        }
        e.add(new Description(bodyName(m.body) + (m.onlineUrl != null ? "\n" + m.onlineUrl : "") + "\n" + link));
        e.add(m.status == MeetingStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return e;
    }

    static String bodyName(Body body) {
        return switch (body) {
            case BOARD_OF_TRUSTEES -> "هیئت امنا";
            case ASSOCIATION -> "مجمع کارآفرینان";
            case WORKING_GROUP -> "کارگروه تخصصی";
        };
    }
}
