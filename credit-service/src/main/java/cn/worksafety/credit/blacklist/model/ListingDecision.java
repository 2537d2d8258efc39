package cn.worksafety.credit.blacklist.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The supervisor's decision. When it lists, the term runs {@code startDate} to {@code endDate}
 * inclusive and the entry must be published by {@code publicationDue}.
 *
 * @param objectionReview how the objection was reviewed (复核), when there was one
 */
public record ListingDecision(boolean list, String reason, String objectionReview, String decidingAuthority,
    Instant decidedAt, String supervisor, LocalDate startDate, LocalDate endDate, LocalDate publicationDue) {}
