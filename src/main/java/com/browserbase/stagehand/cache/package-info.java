/**
 * The action cache: {@code act} instructions replayed without a model call the next time they run on
 * the same page, and asked again when the page has changed. Entries live in a directory, in memory, or in
 * any {@link com.browserbase.stagehand.cache.ActionCacheStore} ({@code ActionCache.of(store)}), where
 * they may be signed so that only the key's holders can write them.
 *
 * <pre>{@code
 * ActionCache cache = ActionCache.directory(Paths.get(".stagehand-cache"));
 * try (StagehandClient client = StagehandOkHttpClient.builder().fromEnv().actionCache(cache).build();
 *      StagehandSession session = client.sessions().open(
 *          SessionStartParams.builder().modelName("openai/gpt-5-nano").build())) {
 *   session.navigate("https://example.com/login");
 *   ActResultData typed = session.act("type %email% into the e-mail field",
 *       ActOptions.builder().putVariable("email", "me@example.com").build());
 *   ActionCache.status(typed);          // Optional[MISS] the first time, Optional[HIT] in the next run
 * }
 * System.out.println(cache.stats());    // Stats{hits=0, misses=1, heals=0}
 * }</pre>
 */
package com.browserbase.stagehand.cache;
