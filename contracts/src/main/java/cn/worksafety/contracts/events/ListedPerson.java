package cn.worksafety.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person listed with the unit (主要负责人, 其他责任人员); the ID number, when known, is masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListedPerson(String name, String role, String idNumber) {}
