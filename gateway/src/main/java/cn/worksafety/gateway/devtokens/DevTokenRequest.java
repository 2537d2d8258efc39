package cn.worksafety.gateway.devtokens;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Who the test token is for; {@link DevTokenRequestValidator} holds the rules. */
public record DevTokenRequest(
    @Schema(description = "token subject", minLength = 1, maxLength = 64, example = "officer-1")
    String subject,
    @Schema(description = "one or more of OFFICER, SUPERVISOR, CREDIT_ADMIN, PARTNER", example = "[\"OFFICER\"]")
    List<String> roles,
    @Schema(description = "6-digit GB/T 2260 region code; required for OFFICER and SUPERVISOR", pattern = "^[0-9]{6}$")
    String region,
    @Schema(description = "partner department code; required for PARTNER", pattern = "^[a-z0-9-]{2,32}$",
        example = "tax-bureau")
    String department) {}
