package jp.mynakiosk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every state meets every event: each pair is either handled (the table says which) or explicitly ignored.
 * A new state or event that the table does not know fails here until someone decides what it means.
 */
class TransitionMatrixTest {

    private final SessionMachine machine = new SessionMachine(new FlowSettings(3, FacePolicy.PIN_ONLY));

    private static Map<String, Set<String>> handled() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        table.put("Attract", set("Touched", "CardInserted", "DeviceFault"));
        table.put("Menu", set("JourneyChosen", "Cancelled", "IdleTimedOut", "DeviceFault"));
        table.put("Terms", set("TermsAgreed", "TermsDeclined", "Cancelled", "IdleTimedOut", "DeviceFault"));
        table.put("InsertCard", set("CardInserted", "Cancelled", "IdleTimedOut", "DeviceFault"));
        table.put("ReadingCard", set("CardIdentified", "CardPinLocked", "CardRejected", "CardRemoved", "DeviceFault"));
        table.put("EnterPin", set("PinSubmitted", "Cancelled", "IdleTimedOut", "CardRemoved", "DeviceFault"));
        table.put("VerifyingPin", set("PinAccepted", "PinRejected", "CardPinLocked", "CardRejected", "CardRemoved",
                "DeviceFault"));
        table.put("FaceCapture(checking)", set("FaceMatched", "FaceNotMatched", "FaceHintChanged", "Cancelled", "CardRemoved",
                "DeviceFault"));
        table.put("FaceCapture(failed once)", set("FaceRetry", "IdleTimedOut", "Cancelled", "CardRemoved",
                "DeviceFault"));
        table.put("ConfirmHolder", set("HolderConfirmed", "HolderDenied", "Cancelled", "IdleTimedOut", "CardRemoved",
                "DeviceFault"));
        table.put("LookingUp", set("InsuranceFound", "LookupFailed", "CardRejected", "CardRemoved", "DeviceFault"));
        table.put("RegistrationStatus", set("Finished", "IdleTimedOut", "Cancelled", "CardRemoved", "DeviceFault"));
        table.put("Consents(unanswered)", set("ConsentAnswered", "Cancelled", "IdleTimedOut", "CardRemoved",
                "DeviceFault"));
        table.put("Linking", set("LinkFinished", "CardRejected", "CardRemoved", "DeviceFault"));
        table.put("Done(receipt offered)", set("ReceiptRequested", "Finished", "IdleTimedOut", "Cancelled", "CardRemoved",
                "DeviceFault"));
        table.put("Done(printing)", set("ReceiptPrinted", "CardRemoved", "DeviceFault"));
        table.put("TakeCard", set("IdleTimedOut", "CardRemoved", "DeviceFault"));
        table.put("StillThere(EnterPin)", set("StillHere", "IdleTimedOut", "Cancelled", "CardRemoved", "DeviceFault"));
        table.put("OutOfService", set("DevicesRecovered"));
        return table;
    }

    @Test
    void samplesCoverEveryStateAndEvent() {
        Set<String> sampledStates = Samples.states().values().stream()
                .map(s -> s.getClass().getSimpleName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> allStates = Arrays.stream(SessionState.class.getPermittedSubclasses())
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampledStates).isEqualTo(allStates);

        Set<String> sampledEvents = Samples.events().keySet().stream()
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> allEvents = Arrays.stream(SessionEvent.class.getPermittedSubclasses())
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampledEvents).isEqualTo(allEvents);
        assertThat(handled().keySet()).isEqualTo(Samples.states().keySet());
    }

    @Test
    void everyStateEventPairIsHandledOrDeliberatelyIgnored() {
        Map<String, Set<String>> expected = handled();
        Samples.states().forEach((label, state) -> {
            Set<String> actuallyHandled = new TreeSet<>();
            Samples.events().forEach((type, event) -> {
                Transition t = machine.next(state, event);
                assertThat(t).as(label + " + " + type.getSimpleName()).isNotNull();
                assertThat(t.next()).as(label + " + " + type.getSimpleName()).isNotNull();
                if (t.ignored()) {
                    assertThat(t.next()).isSameAs(state);
                    assertThat(t.effects()).isEmpty();
                } else {
                    actuallyHandled.add(type.getSimpleName());
                }
            });
            assertThat(actuallyHandled).as("events handled by " + label).isEqualTo(expected.get(label));
        });
    }

    private static Set<String> set(String... names) {
        return new TreeSet<>(Arrays.asList(names));
    }
}
