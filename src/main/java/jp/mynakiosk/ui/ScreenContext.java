package jp.mynakiosk.ui;

import java.util.function.Consumer;

import jp.mynakiosk.flow.FlowSettings;
import jp.mynakiosk.flow.SessionEvent;

/** What every screen is built with besides its state: the words, the sizes, where taps go, the camera picture. */
public record ScreenContext(Messages messages, Look look, Consumer<SessionEvent> intents, FlowSettings settings,
                            PreviewSource preview) {

    public String text(String key) {
        return messages.text(key);
    }

    public String format(String key, Object... arguments) {
        return messages.format(key, arguments);
    }

    public void send(SessionEvent event) {
        intents.accept(event);
    }
}
