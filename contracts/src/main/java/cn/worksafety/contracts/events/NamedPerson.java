package cn.worksafety.contracts.events;

/** A person an event names (legal representative, principal), with the ID number masked. */
public record NamedPerson(String name, String maskedIdNumber) {}
