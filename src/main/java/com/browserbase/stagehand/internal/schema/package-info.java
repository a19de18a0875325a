/** JSON Schemas made from Java types for a typed {@code extract}, and reading its results back into them. Not API. */
package com.browserbase.stagehand.internal.schema;
