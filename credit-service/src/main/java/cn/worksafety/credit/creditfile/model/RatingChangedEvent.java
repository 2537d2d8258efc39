package cn.worksafety.credit.creditfile.model;

/** An enterprise's grade or score changed; {@code before} is null for its first rating. */
public record RatingChangedEvent(String uscc, Rating before, Rating after) {}
