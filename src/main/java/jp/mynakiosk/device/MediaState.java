package jp.mynakiosk.device;

/** Where the card is, as the card reader sees it. */
public enum MediaState {
    NOT_PRESENT, PRESENT, ENTERING, JAMMED, RETAINED
}
