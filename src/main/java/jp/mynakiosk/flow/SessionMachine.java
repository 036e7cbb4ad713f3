package jp.mynakiosk.flow;

/** The pure transition function of a session: {@code (state, event) -> transition}. */
public final class SessionMachine {

    private final FlowSettings settings;

    public SessionMachine(FlowSettings settings) {
        this.settings = settings;
    }

    public Transition next(SessionState state, SessionEvent event) {
        if (event instanceof SessionEvent.DeviceFault fault) {
            if (state instanceof OutOfService out) {
                OutOfService more = out.alsoFailed(fault.device());
                return more == null ? Transition.ignore(state) : Transition.to(more);
            }
            return Transition.to(new OutOfService(fault.device()), new Effect.ReleaseCard(), new Effect.ClearSession());
        }
        if (event instanceof SessionEvent.CardRemoved && state.holdsCard()) {
            return Transition.to(new Attract(), new Effect.ReleaseCard(), new Effect.ClearSession());
        }
        return state.on(event, settings);
    }

    public FlowSettings settings() {
        return settings;
    }
}
