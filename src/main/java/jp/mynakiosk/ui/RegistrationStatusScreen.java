package jp.mynakiosk.ui;

import java.awt.Dimension;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.Registration;
import jp.mynakiosk.flow.RegistrationStatus;
import jp.mynakiosk.flow.SessionEvent;

/**
 * Is my card registered? Registered: since when, with which insurer, and what is shared. Not registered:
 * says so and how to register. Then Finish.
 */
final class RegistrationStatusScreen implements KioskScreen {

    private final JPanel root;

    RegistrationStatusScreen(RegistrationStatus state, ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(RegistrationStatus.class, look);
        Registration registration = state.registration();
        boolean registered = registration != null;
        Column column = Column.centered(root, look)
                .add(Widgets.paragraph(context.text(registered ? "registrationStatus.registered.headline"
                                : "registrationStatus.notRegistered.headline"), look.headline(),
                        registered ? Palette.SUCCESS : Palette.INK, look.px(1100), true), 0)
                .add(Widgets.paragraph(context.text(registered ? "registrationStatus.registered.explain"
                                : "registrationStatus.notRegistered.explain"), look.body(), Palette.INK,
                        look.px(1000), true), 16);
        JPanel facts = Widgets.clear(null);
        Column factColumn = Column.centered(facts, look);
        if (state.insurerName() != null && !state.insurerName().isBlank()) {
            factColumn.add(Widgets.line(context.format("done.insurer", state.insurerName()), look.bodyBold(),
                    Palette.INK), 0);
        }
        if (registered) {
            factColumn.add(Widgets.line(context.format("done.already.since",
                    context.messages().date(registration.since())), look.bodyBold(), Palette.INK), 10);
            factColumn.add(Widgets.line(context.format("registrationStatus.treatment",
                    context.text(registration.shareTreatmentAndMedication() ? "registrationStatus.shared"
                            : "registrationStatus.notShared")), look.body(), Palette.INK), 10);
            factColumn.add(Widgets.line(context.format("registrationStatus.checkups",
                    context.text(registration.shareHealthCheckups() ? "registrationStatus.shared"
                            : "registrationStatus.notShared")), look.body(), Palette.INK), 6);
        }
        Widgets.boxed(facts, look, Palette.SURFACE, Palette.LINE);
        column.add(facts, 20);
        JButton finish = Widgets.primary(context.text("done.finish"), ComponentNames.STATUS_FINISH, look,
                () -> context.send(new SessionEvent.Finished()));
        finish.setPreferredSize(new Dimension(look.px(420), look.px(100)));
        column.add(finish, 28);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
