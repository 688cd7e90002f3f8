package org.neighborshare.shared.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The period of a public report: {@code from} inclusive, {@code to} exclusive, each an ISO-8601 instant
 * ({@code 2026-03-01T10:00:00Z}) or a UTC date ({@code 2026-03-01}: that day's start for {@code from}, the next
 * day's start for {@code to}, so a date names the whole day). Missing bounds mean all time.
 *
 * <p>{@link #wholeDays()}: figures about owners are counted over whole UTC days only, so two periods that differ
 * by a minute cannot be differenced to learn what one neighbour did (docs/invariants.md, I2).
 */
public record ReportPeriod(Optional<Instant> from, Optional<Instant> to) {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    public static final ReportPeriod ALL_TIME = new ReportPeriod(Optional.empty(), Optional.empty());

    /** The period of these query values; a malformed one, or {@code to} not after {@code from}, names its field. */
    public static ReportPeriod parse(String from, String to) {
        Optional<Instant> start = bound("from", from, false);
        Optional<Instant> end = bound("to", to, true);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw new BadParameterException("to", "must be after from");
        }
        return new ReportPeriod(start, end);
    }

    public boolean contains(Instant at) {
        return from.map(f -> !at.isBefore(f)).orElse(true)
                && to.map(at::isBefore).orElse(true);
    }

    /** This period widened to whole UTC days. */
    public ReportPeriod wholeDays() {
        return new ReportPeriod(from.map(f -> f.truncatedTo(ChronoUnit.DAYS)), to.map(t -> {
            Instant day = t.truncatedTo(ChronoUnit.DAYS);
            return day.equals(t) ? t : day.plus(1, ChronoUnit.DAYS);
        }));
    }

    private static Optional<Instant> bound(String field, String value, boolean end) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > 40) {
            throw new BadParameterException(field, "must be an ISO-8601 instant or date");
        }
        Instant at;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                at = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                at = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    field, "must be an ISO-8601 instant (2026-03-01T10:00:00Z) or date (2026-03-01)");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new BadParameterException(field, "must be between the years 2000 and 9999");
        }
        return Optional.of(at);
    }
}
