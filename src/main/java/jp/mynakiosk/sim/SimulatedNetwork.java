package jp.mynakiosk.sim;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.ConsentChange;
import jp.mynakiosk.insurance.ConsentChangeOutcome;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.RegistrationQuery;
import jp.mynakiosk.insurance.RegistrationStatus;

/**
 * The line between the kiosk and its eligibility service on the simulator, which QA can break: down (nothing
 * gets through), losing answers (a registration or consent change is carried out and its answer never comes
 * back), or losing every answer (challenges and look-ups too). The condition may be changed at any time from any
 * thread; each call sees the condition when it starts.
 */
public final class SimulatedNetwork {
    /** What the line does to calls. */
    public enum Condition {
        UP,
        DOWN,
        LOSES_ANSWERS,
        LOSES_ALL_ANSWERS;

        /** The scenario and control-panel word: {@code up}, {@code down}, {@code loses-answers}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Condition> ofWord(String word) {
            for (Condition c : values()) {
                if (c.word().equals(word)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    private static final Set<Condition> LOSES_READ_ANSWERS = Set.of(Condition.LOSES_ALL_ANSWERS);
    private static final Set<Condition> LOSES_CHANGE_ANSWERS =
            Set.of(Condition.LOSES_ANSWERS, Condition.LOSES_ALL_ANSWERS);

    private volatile Condition condition = Condition.UP;

    public Condition condition() {
        return condition;
    }

    public void set(Condition condition) {
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    /** {@code service} as the kiosk reaches it through this line. */
    public EligibilityService between(EligibilityService service) {
        Objects.requireNonNull(service, "service");
        return new EligibilityService() {
            @Override
            public Challenge issueChallenge() {
                return read(service::issueChallenge);
            }

            @Override
            public RegistrationStatus checkRegistration(RegistrationQuery query) {
                return read(() -> service.checkRegistration(query));
            }

            @Override
            public LinkOutcome link(LinkRequest request) {
                return change(() -> service.link(request));
            }

            @Override
            public ConsentChangeOutcome changeConsents(ConsentChange change) {
                return change(() -> service.changeConsents(change));
            }
        };
    }

    /** A challenge or look-up: passes unless the line is down or loses every answer. */
    private <T> T read(Supplier<T> call) {
        return through(call, LOSES_READ_ANSWERS);
    }

    /** A registration or consent change: its answer is lost on a line that loses answers at all. */
    private <T> T change(Supplier<T> call) {
        return through(call, LOSES_CHANGE_ANSWERS);
    }

    private <T> T through(Supplier<T> call, Set<Condition> losingAnswer) {
        Condition now = condition;
        if (now == Condition.DOWN) {
            throw new EligibilityUnavailableException("simulated network: down");
        }
        T answer = call.get();
        if (losingAnswer.contains(now)) {
            throw new EligibilityUnavailableException("simulated network: the answer was lost", null, true);
        }
        return answer;
    }
}
