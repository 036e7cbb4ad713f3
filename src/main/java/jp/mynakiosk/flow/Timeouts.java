package jp.mynakiosk.flow;

import java.time.Duration;

/**
 * How long the kiosk waits: for a user before asking "are you still there?", for an answer to that
 * prompt, and for the card to be taken before escalating.
 */
public record Timeouts(Duration idle, Duration prompt, Duration takeCard) {

    public Timeouts {
        for (Duration d : new Duration[] {idle, prompt, takeCard}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    Duration of(Waiting waiting) {
        switch (waiting) {
            case USER: return idle;
            case PROMPT: return prompt;
            case CARD_TAKEN: return takeCard;
            default: return null;
        }
    }
}
