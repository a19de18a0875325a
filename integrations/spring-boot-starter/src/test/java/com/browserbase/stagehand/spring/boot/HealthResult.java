package com.browserbase.stagehand.spring.boot;

import java.util.Map;

/** What the {@code stagehand} health indicator said, whichever Boot's type it is ({@code HealthChecks}, per Boot). */
record HealthResult(String status, Map<String, Object> details) {
}
