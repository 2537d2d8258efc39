package cn.worksafety.gateway.devtokens;

import java.time.OffsetDateTime;

/** A signed test token, used as {@code Authorization: Bearer <token>}. */
public record DevTokenResponse(String token, String tokenType, OffsetDateTime expiresAt) {}
