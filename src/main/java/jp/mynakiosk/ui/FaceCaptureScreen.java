package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;

import jp.mynakiosk.flow.FaceCapture;
import jp.mynakiosk.flow.FaceHint;
import jp.mynakiosk.flow.FaceNotice;
import jp.mynakiosk.flow.SessionEvent;

/**
 * The face check: the live picture with a face guide on the left; on the right, while checking, what to do
 * (look at the camera, take off mask and hat), and after a failed check, why, how many tries are left and a big
 * "Try again".
 */
final class FaceCaptureScreen implements KioskScreen {

    private final JPanel root;

    FaceCaptureScreen(FaceCapture state, ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(FaceCapture.class, look);
        root.setLayout(new BorderLayout(look.px(36), 0));
        FacePreview preview = new FacePreview(context.preview(), look);
        JPanel previewHolder = Widgets.clear(new GridBagLayout());
        previewHolder.add(preview);
        root.add(previewHolder, BorderLayout.WEST);

        int width = look.px(580);
        JPanel side = Widgets.clear(null);
        Column column = Column.leading(side, look);
        if (state.checking()) {
            column.add(Widgets.paragraph(context.text("faceCapture.lookAtCamera"), look.headline(), Palette.INK,
                    width, false), 0);
            column.add(Widgets.paragraph(context.text("faceCapture.guidance"), look.body(), Palette.INK, width,
                    false), 20);
            JPanel checking = Widgets.clear(new FlowLayout(FlowLayout.LEADING, look.px(16), 0));
            BusyIndicator busy = new BusyIndicator(look, Palette.PRIMARY);
            busy.setPreferredSize(new Dimension(look.px(72), look.px(72)));
            checking.add(busy);
            checking.add(Widgets.line(context.text("faceCapture.checking"), look.bodyBold(), Palette.PRIMARY));
            column.add(checking, 28);
            if (state.hint() != FaceHint.NONE) {
                WrappedText hint = Widgets.paragraph(context.text(hintKey(state.hint())),
                        look.bodyBold(), Palette.WARNING_INK, width - look.px(60), false);
                hint.setName(ComponentNames.FACE_HINT);
                Widgets.boxed(hint, look, Palette.WARNING_SURFACE, Palette.WARNING_LINE);
                column.addWide(hint, 20);
            }
        } else {
            FaceNotice notice = state.notice() == FaceNotice.NONE ? FaceNotice.NOT_MATCHED : state.notice();
            WrappedText why = Widgets.paragraph(context.text(noticeKey(notice)), look.bodyBold(), Palette.WARNING_INK,
                    width - look.px(60), false);
            why.setName(ComponentNames.FACE_NOTICE);
            Widgets.boxed(why, look, Palette.WARNING_SURFACE, Palette.WARNING_LINE);
            column.addWide(why, 0);
            column.add(Widgets.paragraph(context.text("faceCapture.guidance"), look.body(), Palette.INK, width,
                    false), 20);
            column.add(Widgets.line(context.format("faceCapture.attemptsLeft", state.attemptsLeft(context.settings())),
                    look.bodyBold(), Palette.INK), 20);
            JButton retry = Widgets.primary(context.text("faceCapture.retry"), ComponentNames.FACE_RETRY, look,
                    () -> context.send(new SessionEvent.FaceRetry()));
            retry.setPreferredSize(new Dimension(width, look.px(110)));
            column.add(retry, 28);
        }
        root.add(side, BorderLayout.CENTER);
    }

    static String hintKey(FaceHint hint) {
        return "faceCapture.hint." + hint.name();
    }

    static String noticeKey(FaceNotice notice) {
        return "faceCapture.notice." + notice.name();
    }

    @Override
    public JComponent root() {
        return root;
    }
}
