package cn.worksafety.credit.screening.model;

/**
 * A list entry that answers a query, how sure the match is (0–1), and why.
 *
 * @param reason {@code USCC} (the code is the same: certain), {@code NAME_EQUAL} (the names are the same
 *     once normalized) or {@code NAME_SIMILAR} (close names)
 * @param detail the comparison in words
 */
public record Match(ListedUnit entry, double score, String reason, String detail) {}
