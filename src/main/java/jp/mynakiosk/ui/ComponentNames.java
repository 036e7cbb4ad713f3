package jp.mynakiosk.ui;

import jp.mynakiosk.flow.ConsentTopic;

/**
 * The component names ({@link java.awt.Component#setName}) that tests and the QA scenario runner look up.
 * One place, so the screens and whoever drives them use the same strings.
 */
public final class ComponentNames {

    public static final String SCREEN_PREFIX = "screen.";

    public static final String ATTRACT_START = "attract.start";
    public static final String MENU_REGISTER = "menu.register";
    public static final String MENU_CHECK = "menu.check";
    public static final String MENU_CHANGE = "menu.change";
    public static final String STATUS_FINISH = "registrationStatus.finish";
    public static final String TERMS_AGREE = "terms.agree";
    public static final String TERMS_DECLINE = "terms.decline";
    public static final String TERMS_TEXT = "terms.text";
    public static final String PIN_PAD = "pinPad";
    public static final String PIN_PAD_CLEAR = "pinPad.clear";
    public static final String PIN_PAD_OK = "pinPad.ok";
    public static final String FACE_RETRY = "face.retry";
    public static final String FACE_PREVIEW = "face.preview";
    public static final String FACE_NOTICE = "face.notice";
    public static final String FACE_HINT = "face.hint";
    public static final String CONFIRM_HOLDER_YES = "confirmHolder.yes";
    public static final String CONFIRM_HOLDER_NO = "confirmHolder.no";
    public static final String CONFIRM_HOLDER_PHOTO = "confirmHolder.photo";
    public static final String CONSENTS_CONFIRM = "consents.confirm";
    public static final String DONE_FINISH = "done.finish";
    public static final String DONE_RECEIPT = "done.receipt";
    public static final String DONE_RECEIPT_STATUS = "done.receipt.status";
    public static final String CONSENTS_INSURER = "consents.insurer";
    public static final String STILL_THERE_CONTINUE = "stillThere.continue";
    public static final String COMMON_CANCEL = "common.cancel";
    public static final String COMMON_LANGUAGE = "common.language";
    public static final String COMMON_TITLE = "common.title";
    public static final String COMMON_STEP = "common.step";
    public static final String ENTER_PIN_TRIES_LEFT = "enterPin.triesLeft";
    public static final String ENTER_PIN_WRONG = "enterPin.wrong";
    public static final String ENTER_PIN_LAST_TRY = "enterPin.lastTry";
    public static final String TAKE_CARD_REASON = "takeCard.reason";

    private ComponentNames() {
    }

    /** The root panel of the screen for a state, e.g. {@code screen.EnterPin}. */
    public static String screen(Class<?> stateType) {
        return SCREEN_PREFIX + stateType.getSimpleName();
    }

    /** {@code pinPad.key.0} … {@code pinPad.key.9}. */
    public static String pinPadKey(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("a PIN pad key is a digit 0-9, was " + digit);
        }
        return "pinPad.key." + digit;
    }

    /** {@code pinPad.box.0} … {@code pinPad.box.3}: the masked boxes. */
    public static String pinPadBox(int index) {
        return "pinPad.box." + index;
    }

    /** {@code consents.TREATMENT_AND_MEDICATION.yes} and so on. */
    public static String consentAnswer(ConsentTopic topic, boolean agree) {
        return "consents." + topic.name() + (agree ? ".yes" : ".no");
    }
}
