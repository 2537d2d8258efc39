package cn.worksafety.credit.blacklist.model;

import java.time.Instant;
import java.time.LocalDate;

/** The written notice to the party, and the last day it may object. */
public record Notice(Instant servedAt, LocalDate objectionLastDay) {}
