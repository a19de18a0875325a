package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.http.HttpTransport;
import com.browserbase.stagehand.internal.session.OpenSession;
import com.browserbase.stagehand.internal.session.SessionRegistry;
import java.time.Instant;

/** An open session with its two handles, so that every lookup of one id gives the same handle. Not API. */
final class ClientSession extends OpenSession {
  final StagehandSession sync;
  final StagehandSessionAsync async;

  ClientSession(String id, String cdpUrl, Instant openedAt, HttpTransport transport,
      SessionRegistry<ClientSession> registry, ActCache cache, okhttp3.OkHttpClient cdpHttp) {
    super(id, cdpUrl, openedAt, transport, registry, cache, cdpHttp);
    this.sync = new SessionHandle(this, RequestOptions.none(), null, null);
    this.async = new SessionHandleAsync(this, RequestOptions.none(), null, null);
  }
}
