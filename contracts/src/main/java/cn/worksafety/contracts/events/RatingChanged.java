package cn.worksafety.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** Data of {@code credit.rating.changed}; the old grade and score are absent for a first rating. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RatingChanged(
    String uscc,
    String oldGrade,
    Integer oldScore,
    String newGrade,
    int newScore,
    String scorecardVersion,
    OffsetDateTime effectiveAt) {}
