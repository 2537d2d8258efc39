package cn.worksafety.credit.creditfile.model;

/**
 * What the public finds a registered enterprise by, as of the enforcement event sequence its profile
 * was taken from: of two, the one with the higher {@code profileSequence} is the newer.
 */
public record RegisteredName(String uscc, String name, String region, long profileSequence) {}
