package jp.mynakiosk.ui;

import com.formdev.flatlaf.FlatClientProperties;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ScrollPaneConstants;

import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.Terms;

/** A short summary of the terms of use (scrollable), then Agree or Do not agree. */
final class TermsScreen implements KioskScreen {

    private final JPanel root;

    TermsScreen(ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(Terms.class, look);
        root.setLayout(new BorderLayout(0, look.px(16)));

        root.add(Widgets.line(context.text("terms.headline"), look.headline(), Palette.INK), BorderLayout.NORTH);

        JTextArea summary = new JTextArea(context.text("terms.summary"));
        summary.setName(ComponentNames.TERMS_TEXT);
        summary.setEditable(false);
        summary.setFocusable(false);
        summary.setLineWrap(true);
        summary.setWrapStyleWord(true);
        summary.setFont(look.body());
        summary.setForeground(Palette.INK);
        summary.setBackground(Palette.SURFACE);
        summary.setBorder(BorderFactory.createEmptyBorder(look.px(12), look.px(20), look.px(12), look.px(20)));
        JScrollPane scroll = new JScrollPane(summary, ScrollPaneConstants.VERTICAL_SCROLLBAR_ALWAYS,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(BorderFactory.createLineBorder(Palette.LINE, Math.max(1, look.px(2))));
        scroll.getVerticalScrollBar().setUnitIncrement(look.px(40));
        scroll.getVerticalScrollBar().setPreferredSize(new Dimension(look.px(32), 10));
        scroll.getVerticalScrollBar().putClientProperty(FlatClientProperties.STYLE,
                "thumb: " + Palette.hex(Palette.PRIMARY) + "; track: " + Palette.hex(Palette.SURFACE)
                        + "; thumbArc: 999; thumbInsets: 3,3,3,3; showButtons: false");
        scroll.setPreferredSize(new Dimension(10, look.px(300)));
        root.add(scroll, BorderLayout.CENTER);

        JPanel answers = Widgets.clear(new FlowLayout(FlowLayout.CENTER, look.px(40), 0));
        answers.add(Widgets.secondary(context.text("terms.decline"), ComponentNames.TERMS_DECLINE, look,
                () -> context.send(new SessionEvent.TermsDeclined())));
        answers.add(Widgets.primary(context.text("terms.agree"), ComponentNames.TERMS_AGREE, look,
                () -> context.send(new SessionEvent.TermsAgreed())));
        for (Component answer : answers.getComponents()) {
            answer.setPreferredSize(new Dimension(look.px(400), look.buttonHeight()));
        }
        root.add(answers, BorderLayout.SOUTH);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
