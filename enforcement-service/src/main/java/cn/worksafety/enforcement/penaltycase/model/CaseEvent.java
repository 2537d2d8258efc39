package cn.worksafety.enforcement.penaltycase.model;

/** What a case announces: its decision in force, its closure, its revocation. */
public sealed interface CaseEvent permits CaseDecidedEvent, CaseClosedEvent, CaseRevokedEvent {}
