package jp.mynakiosk.app;

import java.util.Arrays;
import java.util.UUID;
import jp.mynakiosk.myna.CardHolder;
import jp.mynakiosk.myna.MynaCardSession;

/**
 * The one place a session's personal data lives while the card is in the reader: the card connection, its
 * certificate, the holder's attributes and the face photo. {@link #clear()} wipes it all; only the effect
 * thread touches it.
 */
final class SessionData {

    MynaCardSession card;
    byte[] certificate;
    CardHolder holder;
    byte[] facePhoto;
    /** One per session: a linking request retried after a lost answer never registers twice. */
    UUID idempotencyKey = UUID.randomUUID();

    void clear() {
        card = null;
        wipe(certificate);
        wipe(facePhoto);
        certificate = null;
        facePhoto = null;
        holder = null;
        idempotencyKey = UUID.randomUUID();
    }

    boolean empty() {
        return card == null && certificate == null && holder == null && facePhoto == null;
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
