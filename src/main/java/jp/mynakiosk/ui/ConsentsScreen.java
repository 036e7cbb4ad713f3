package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Optional;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.ConsentChoices;
import jp.mynakiosk.flow.ConsentTopic;
import jp.mynakiosk.flow.Consents;
import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.SessionEvent;

/**
 * The information-sharing consents: one question per offered topic with a plain explanation and two big
 * answers showing the current choice, the note that the high-cost-care limit is shared anyway, and Register,
 * which is enabled once every question is answered.
 */
final class ConsentsScreen implements KioskScreen {

    private static final String CHOSEN_MARK = "\u25CF ";
    private static final String OPEN_MARK = "\u25CB ";

    private final JPanel root;

    ConsentsScreen(Consents state, ScreenContext context) {
        Look look = context.look();
        ConsentChoices choices = state.choices();
        root = Widgets.screenRoot(Consents.class, look);
        root.setLayout(new BorderLayout(0, look.px(14)));

        JPanel questions = Widgets.clear(null);
        Column column = Column.leading(questions, look);
        if (state.insurerName() != null && !state.insurerName().isBlank()) {
            javax.swing.JLabel insurer = Widgets.line(context.format("consents.insurer", state.insurerName()),
                    look.bodyBold(), Palette.INK);
            insurer.setName(ComponentNames.CONSENTS_INSURER);
            column.addWide(insurer, 0);
        }
        column.addWide(question(ConsentTopic.TREATMENT_AND_MEDICATION, choices, context), 6);
        if (choices.checkupsOffered()) {
            column.addWide(question(ConsentTopic.HEALTH_CHECKUPS, choices, context), 8);
        }
        root.add(questions, BorderLayout.NORTH);

        JPanel footer = Widgets.clear(new BorderLayout(look.px(32), 0));
        footer.add(Widgets.paragraph(context.text("consents.highCostNote"), look.body(), Palette.MUTED_INK,
                look.px(760), false), BorderLayout.CENTER);
        String confirmKey = state.journey() == Journey.CHANGE_CONSENTS ? "consents.save" : "consents.confirm";
        JButton confirm = Widgets.primary(context.text(confirmKey), ComponentNames.CONSENTS_CONFIRM, look,
                () -> context.send(new SessionEvent.ConsentsConfirmed()));
        confirm.setPreferredSize(new Dimension(look.px(320), look.px(100)));
        confirm.setEnabled(choices.complete());
        JPanel confirmHolder = Widgets.clear(new GridBagLayout());
        confirmHolder.add(confirm);
        footer.add(confirmHolder, BorderLayout.EAST);
        root.add(footer, BorderLayout.SOUTH);
    }

    private static JPanel question(ConsentTopic topic, ConsentChoices choices, ScreenContext context) {
        Look look = context.look();
        JPanel panel = new JPanel(new GridBagLayout());
        Widgets.boxed(panel, look, Palette.SURFACE, Palette.LINE);
        int textWidth = look.px(560);

        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.weightx = 1;
        c.anchor = GridBagConstraints.LINE_START;
        WrappedText title = Widgets.paragraph(context.text(titleKey(topic)), look.bodyBold(), Palette.INK, textWidth,
                false);
        panel.add(title, c);
        c.gridy = 1;
        c.insets = new Insets(look.px(6), 0, 0, 0);
        panel.add(Widgets.paragraph(context.text(explainKey(topic)), look.body(), Palette.INK, textWidth, false),
                c);

        Optional<Boolean> answer = choices.answerTo(topic);
        c.gridy = 0;
        c.gridheight = 2;
        c.weightx = 0;
        c.anchor = GridBagConstraints.CENTER;
        c.insets = new Insets(0, look.px(20), 0, 0);
        c.gridx = 1;
        panel.add(answerButton(topic, true, answer, context), c);
        c.gridx = 2;
        c.insets = new Insets(0, look.px(14), 0, 0);
        panel.add(answerButton(topic, false, answer, context), c);
        return panel;
    }

    private static JButton answerButton(ConsentTopic topic, boolean agree, Optional<Boolean> answer,
                                        ScreenContext context) {
        Look look = context.look();
        boolean chosen = answer.isPresent() && answer.get() == agree;
        String text = (chosen ? CHOSEN_MARK : OPEN_MARK) + context.text(agree ? "consents.agree" : "consents.disagree");
        Runnable send = () -> context.send(new SessionEvent.ConsentAnswered(topic, agree));
        JButton button = chosen
                ? Widgets.primary(text, ComponentNames.consentAnswer(topic, agree), look, send)
                : Widgets.secondary(text, ComponentNames.consentAnswer(topic, agree), look, send);
        button.setFont(look.font(Font.BOLD, 30));
        button.setMargin(new Insets(0, look.px(8), 0, look.px(8)));
        button.setPreferredSize(new Dimension(look.px(270), look.px(96)));
        button.setSelected(chosen);
        return button;
    }

    static String titleKey(ConsentTopic topic) {
        return "consents." + topic.name() + ".title";
    }

    static String explainKey(ConsentTopic topic) {
        return "consents." + topic.name() + ".explain";
    }

    @Override
    public JComponent root() {
        return root;
    }
}
