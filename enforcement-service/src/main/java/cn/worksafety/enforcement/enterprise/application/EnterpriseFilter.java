package cn.worksafety.enforcement.enterprise.application;

import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.LicenceStatus;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;

/**
 * What an enterprise list is narrowed to: always a region (the caller's, or a region inside it), and
 * optionally an industry, a name prefix, a standardization grade and a licence status.
 */
public record EnterpriseFilter(String region, Industry industry, String namePrefix, StandardizationGrade grade,
    LicenceStatus licenceStatus) {}
