package com.browserbase.stagehand.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation {@link MicrometerCallListener} makes of each call of a Stagehand client: its name, keys and
 * events. With Micrometer's {@code DefaultMeterObservationHandler} it is the timer {@code stagehand.client.requests};
 * with Micrometer Tracing, a span.
 */
public enum StagehandObservationDocumentation implements ObservationDocumentation {
  /** One call: {@code start}, {@code navigate}, {@code act}, {@code observe}, {@code extract}, {@code execute}, ... */
  CLIENT_REQUESTS {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultStagehandObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return HighCardinalityKeys.values();
    }

    @Override
    public Observation.Event[] getEvents() {
      return Events.values();
    }
  };

  /** The keys that become meter tags: few values each. */
  public enum LowCardinalityKeys implements KeyName {
    /** The operation: {@code start}, {@code navigate}, {@code act}, {@code observe}, {@code extract}, {@code execute}, {@code replay}, {@code end}. */
    OPERATION {
      @Override
      public String asString() {
        return "operation";
      }
    },
    /**
     * How the call ended: a {@link com.browserbase.stagehand.core.events.CallOutcome} name, or {@code UNKNOWN} when
     * its end was never told (see {@link MicrometerCallListener}). Set when the call ends.
     */
    OUTCOME {
      @Override
      public String asString() {
        return "outcome";
      }
    },
    /** The HTTP status of the last answer ({@code 200}, {@code 429}, ...), or {@code NONE}. Set when the call ends. */
    STATUS {
      @Override
      public String asString() {
        return "status";
      }
    }
  }

  /** The keys that go to spans only, never to meters. */
  public enum HighCardinalityKeys implements KeyName {
    /** The session's id; absent for a {@code start} that opened none. */
    SESSION_ID {
      @Override
      public String asString() {
        return "session.id";
      }
    },
    /** How many times the request was sent: 1, plus one per retry; 0 when it never was. Set when the call ends. */
    ATTEMPTS {
      @Override
      public String asString() {
        return "attempts";
      }
    }
  }

  /** What happens during a call. */
  public enum Events implements Observation.Event {
    /**
     * An attempt failed and the call will be sent again; its contextual name says which retry, after how long, and
     * why ({@code retry 1 in 500 ms after HTTP 503}). Micrometer's meter handler counts it as
     * {@code stagehand.client.requests.retry}, tagged {@code operation}.
     */
    RETRY {
      @Override
      public String getName() {
        return "retry";
      }
    }
  }
}
