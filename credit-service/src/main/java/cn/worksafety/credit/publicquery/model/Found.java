package cn.worksafety.credit.publicquery.model;

/** An enterprise a search found, as the index knows it. */
public record Found(String uscc, String name, String region) {}
