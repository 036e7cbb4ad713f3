package jp.mynakiosk.app;

import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.smartcardio.CardException;
import jp.mynakiosk.device.CardReader;
import jp.mynakiosk.device.MediaState;
import jp.mynakiosk.face.FaceCheck;
import jp.mynakiosk.face.CardPhotoDecoder;
import jp.mynakiosk.face.DecodedPhoto;
import jp.mynakiosk.face.FaceGuidance;
import jp.mynakiosk.face.FaceMatcher;
import jp.mynakiosk.face.LivenessMode;
import jp.mynakiosk.face.MatchResult;
import jp.mynakiosk.flow.ConsentChoices;
import jp.mynakiosk.flow.Effect;
import jp.mynakiosk.flow.EffectResults;
import jp.mynakiosk.flow.EffectRunner;
import jp.mynakiosk.flow.EndReason;
import jp.mynakiosk.flow.FaceHint;
import jp.mynakiosk.flow.FaceNotice;
import jp.mynakiosk.flow.HolderSummary;
import jp.mynakiosk.flow.LinkResult;
import jp.mynakiosk.flow.Registration;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.insurance.ConsentChangeOutcome;
import jp.mynakiosk.insurance.Consents;
import jp.mynakiosk.insurance.EligibilityService;
import jp.mynakiosk.insurance.EligibilityUnavailableException;
import jp.mynakiosk.insurance.HolderClaims;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.RegistrationStatus;
import jp.mynakiosk.insurance.UnsignedConsentChange;
import jp.mynakiosk.insurance.UnsignedRegistrationQuery;
import jp.mynakiosk.insurance.UnsignedLinkRequest;
import jp.mynakiosk.myna.CardCheck;
import jp.mynakiosk.myna.CardKind;
import jp.mynakiosk.myna.CardSilence;
import jp.mynakiosk.myna.MynaCardSession;
import jp.mynakiosk.myna.MynaProtocolException;
import jp.mynakiosk.myna.PinCheck;

/**
 * Runs the flow's effects against the card reader, the camera, the face matcher and the eligibility
 * service. Every device or service failure is caught here, journalled with a technical code, and turned into
 * an event the flow understands; nothing personal reaches the journal.
 */
final class KioskEffects implements EffectRunner {
    /** How long "take off your hat" stays on screen after the last frame the hat was found on. */
    private static final Duration HAT_HINT_HOLD = Duration.ofSeconds(1);

    private final String kioskId;
    private final CardReader reader;
    private final CameraPump camera;
    private final FaceMatcher matcher;
    private final EligibilityService eligibility;
    private final SessionJournal journal;
    private final Clock clock;
    private final Duration captureTime;
    private final LivenessMode liveness;
    private final int linkAttempts;
    private final Duration retryDelay;
    private final ServiceWatch watch;
    private final ReceiptDesk receipts;
    private final SessionData data = new SessionData();
    private final CardPhotoDecoder photos;
    /** The card photo as the "is this you?" screen shows it; read on the EDT, cleared with the session. */
    private final AtomicReference<BufferedImage> photoShown = new AtomicReference<>();

    KioskEffects(String kioskId, CardReader reader, CameraPump camera, FaceMatcher matcher, CardPhotoDecoder photos,
                 EligibilityService eligibility, ServiceWatch watch, ReceiptDesk receipts, SessionJournal journal,
                 Clock clock, KioskConfig.Face face, KioskConfig.Eligibility linking) {
        this.watch = watch;
        this.photos = photos;
        this.receipts = receipts;
        this.kioskId = kioskId;
        this.reader = reader;
        this.camera = camera;
        this.matcher = matcher;
        this.eligibility = eligibility;
        this.journal = journal;
        this.clock = clock;
        this.captureTime = face.captureTime();
        this.liveness = face.liveness();
        // The fleet client retries with back-off itself; retrying around it again would multiply the tries.
        this.linkAttempts = linking.remote().isPresent() ? 1 : linking.attempts();
        this.retryDelay = linking.retryDelay();
    }

    @Override
    public void run(Effect effect, EffectResults results) {
        try {
            if (effect instanceof Effect.IdentifyCard) {
                results.accept(identify());
            } else if (effect instanceof Effect.VerifyPin pin) {
                try {
                    results.accept(verify(pin.digits()));
                } finally {
                    pin.wipe();
                }
            } else if (effect instanceof Effect.MatchFace) {
                results.accept(matchFace(results));
            } else if (effect instanceof Effect.LookUpInsurance) {
                results.accept(lookUp());
            } else if (effect instanceof Effect.Link link) {
                results.accept(link(link.consents()));
            } else if (effect instanceof Effect.ChangeConsents change) {
                results.accept(changeConsents(change.consents()));
            } else if (effect instanceof Effect.ReleaseCard) {
                // The session is over for the user: nothing personal is kept while the card waits to be taken.
                camera.stop();
                photoShown.set(null);
                data.clear();
                reader.disconnect();
            } else if (effect instanceof Effect.ClearSession) {
                camera.stop();
                photoShown.set(null);
                data.clear();
            } else if (effect instanceof Effect.PrintReceipt receipt) {
                results.accept(new SessionEvent.ReceiptPrinted(receipts != null && receipts.print(receipt)));
            } else if (effect instanceof Effect.CallAttendant call) {
                journal.note("attendant", call.why(), 0);
                Toolkit.getDefaultToolkit().beep();
            }
        } catch (CardException | MynaProtocolException e) {
            journal.note("card", "io-error:" + e.getClass().getSimpleName(), 0);
            if (reader.media() != MediaState.NOT_PRESENT) {
                results.accept(new SessionEvent.CardRejected(EndReason.CARD_UNREADABLE));
            }
        } catch (RuntimeException | Error e) {
            // Whatever went wrong, the state waiting for this effect must get an answer it handles, or the
            // session would wait for ever.
            journal.note("effect", "unexpected:" + effect.getClass().getSimpleName() + ":" + e.getClass().getSimpleName(), 0);
            SessionEvent answer = answerToUnexpectedFailure(effect);
            if (answer != null) {
                results.accept(answer);
            }
        }
    }

    /**
     * The event that ends the wait for an effect that failed unexpectedly. Unavailability of the service is handled
     * (and retried) where it happens; anything else here is not temporary, so it is not called "unavailable".
     */
    static SessionEvent answerToUnexpectedFailure(Effect effect) {
        if (effect instanceof Effect.PrintReceipt) {
            return new SessionEvent.ReceiptPrinted(false);
        }
        if (effect instanceof Effect.Link || effect instanceof Effect.ChangeConsents) {
            return new SessionEvent.LinkFinished(LinkResult.REJECTED, null, null);
        }
        if (effect instanceof Effect.LookUpInsurance) {
            return new SessionEvent.LookupFailed(LinkResult.REJECTED);
        }
        if (effect instanceof Effect.MatchFace) {
            return new SessionEvent.FaceNotMatched(FaceNotice.CAMERA_FAILED);
        }
        if (effect instanceof Effect.IdentifyCard || effect instanceof Effect.VerifyPin) {
            return new SessionEvent.CardRejected(EndReason.CARD_UNREADABLE);
        }
        return null;
    }

    /** True when nothing of the last session is held (for tests of the privacy rule). */
    boolean holdsNoPersonalData() {
        return data.empty() && camera.latestFrame() == null && photoShown.get() == null;
    }

    BufferedImage cardPhotoShown() {
        return photoShown.get();
    }

    private SessionEvent identify() throws CardException, MynaProtocolException {
        data.clear();
        long started = System.nanoTime();
        MynaCardSession card;
        try {
            card = new MynaCardSession(reader.connect());
        } catch (CardException e) {
            if (!CardSilence.isUnresponsive(e)) {
                throw e;
            }
            journal.note("card", "identify:unresponsive-on-connect", elapsedMillis(started));
            return new SessionEvent.CardRejected(EndReason.CARD_UNRESPONSIVE);
        }
        CardCheck check = card.identify();
        journal.note("card", "identify:" + check.kind(), elapsedMillis(started));
        if (!check.isMyNumberCard()) {
            return new SessionEvent.CardRejected(rejectionFor(check.kind()));
        }
        if (check.certificateExpired(clock.instant())) {
            // Said before the PIN is asked: the user would otherwise go through PIN and face for nothing.
            return new SessionEvent.CardRejected(EndReason.CERTIFICATE_EXPIRED);
        }
        data.card = card;
        data.certificate = check.authCertificateDer();
        if (check.tries().locked()) {
            return new SessionEvent.CardPinLocked();
        }
        return new SessionEvent.CardIdentified(check.tries().left());
    }

    private SessionEvent verify(char[] digits) throws CardException, MynaProtocolException {
        if (data.card == null) {
            return new SessionEvent.CardRejected(EndReason.CARD_UNREADABLE);
        }
        long started = System.nanoTime();
        PinCheck check = data.card.unlock(digits);
        journal.note("card", "pin:" + check.getClass().getSimpleName(), elapsedMillis(started));
        if (check instanceof PinCheck.Unlocked unlocked) {
            data.holder = unlocked.holder();
            data.facePhoto = unlocked.facePhoto();
            unlocked.wipe();
            if (photos.decode(data.facePhoto) instanceof DecodedPhoto.Readable readable) {
                photoShown.set(readable.image());
            }
            camera.start();
            return new SessionEvent.PinAccepted(
                    new HolderSummary(unlocked.holder().name(), unlocked.holder().birthDate()), LocalDate.now(clock));
        }
        if (check instanceof PinCheck.WrongPin wrong) {
            return wrong.triesLeft() == 0 ? new SessionEvent.CardPinLocked() : new SessionEvent.PinRejected(wrong.triesLeft());
        }
        if (check instanceof PinCheck.Locked) {
            return new SessionEvent.CardPinLocked();
        }
        if (check instanceof PinCheck.CardDataTampered) {
            return new SessionEvent.CardRejected(EndReason.CARD_DATA_TAMPERED);
        }
        return new SessionEvent.CardRejected(EndReason.CARD_INFO_PIN_DIFFERS);
    }

    static EndReason rejectionFor(CardKind kind) {
        switch (kind) {
            case JUKI_CARD: return EndReason.JUKI_CARD;
            case SMARTPHONE_JPKI: return EndReason.SMARTPHONE_JPKI;
            case UNRESPONSIVE: return EndReason.CARD_UNRESPONSIVE;
            default: return EndReason.NOT_MY_NUMBER_CARD;
        }
    }

    private SessionEvent matchFace(EffectResults results) throws CardException {
        if (data.facePhoto == null) {
            return new SessionEvent.FaceNotMatched(FaceNotice.NOT_MATCHED);
        }
        camera.start();
        long started = System.nanoTime();
        long deadline = started + captureTime.toNanos();
        FaceNotice notice = null;
        boolean stillPicture = false;
        FaceHint lastHint = FaceHint.NONE;
        long lastFrame = -1;
        int notMatched = 0;
        int hatOn = 0;
        long hatHintUntil = 0;
        try (FaceCheck check = matcher.begin(data.facePhoto, liveness)) {
            while (System.nanoTime() < deadline && results.sessionGoesOn()
                    && !Thread.currentThread().isInterrupted()) {
                if (reader.media() == MediaState.NOT_PRESENT) {
                    throw new CardException("card removed during the face check");
                }
                long count = camera.frameCount();
                BufferedImage frame = camera.latestFrame();
                if (frame == null || count == lastFrame) {
                    sleep(20);
                    continue;
                }
                lastFrame = count;
                MatchResult result = check.offer(frame);
                FaceHint hint = hintFor(result.guidance());
                long now = System.nanoTime();
                if (hint == FaceHint.REMOVE_HAT) {
                    hatHintUntil = now + HAT_HINT_HOLD.toNanos();
                } else if (hint == FaceHint.NONE && lastHint == FaceHint.REMOVE_HAT && now - hatHintUntil < 0) {
                    // The hat is found on most frames, not all: the advice stays up rather than blink.
                    hint = FaceHint.REMOVE_HAT;
                }
                if (hint != lastHint) {
                    lastHint = hint;
                    results.accept(new SessionEvent.FaceHintChanged(hint));
                }
                switch (result.outcome()) {
                    case MATCH:
                        journal.note("face", "match", elapsedMillis(started));
                        return new SessionEvent.FaceMatched();
                    case NOT_LIVE_YET:
                        stillPicture = true;
                        notice = FaceNotice.NOT_MATCHED;
                        break;
                    case NO_MATCH:
                        notice = FaceNotice.NOT_MATCHED;
                        notMatched++;
                        hatOn += result.guidance() == FaceGuidance.REMOVE_HAT ? 1 : 0;
                        break;
                    case SEVERAL_FACES:
                        notice = notice == FaceNotice.NOT_MATCHED ? notice : FaceNotice.SEVERAL_FACES;
                        break;
                    case TURNS_NOT_MADE:
                        journal.note("face", "failed:TURNS_NOT_MADE", elapsedMillis(started));
                        return new SessionEvent.FaceNotMatched(FaceNotice.TURN_AS_ASKED);
                    case NO_FACE_IN_FRAME:
                    case POOR_FRAME:
                        notice = notice == null ? FaceNotice.NO_FACE : notice;
                        break;
                    default:
                        journal.note("face", "card-photo:" + result.outcome(), elapsedMillis(started));
                        return new SessionEvent.FaceNotMatched(FaceNotice.NOT_MATCHED);
                }
            }
        }
        if (!results.sessionGoesOn()) {
            journal.note("face", "abandoned", elapsedMillis(started));
            return new SessionEvent.FaceNotMatched(FaceNotice.NOT_MATCHED);
        }
        if (notice == null) {
            journal.note("face", "camera-failed", elapsedMillis(started));
            return new SessionEvent.FaceNotMatched(FaceNotice.CAMERA_FAILED);
        }
        if (notice == FaceNotice.NOT_MATCHED && hatOn > 0 && 2 * hatOn >= notMatched) {
            notice = FaceNotice.REMOVE_HAT;
        }
        journal.note("face", "failed:" + (stillPicture ? "NOT_LIVE" : notice), elapsedMillis(started));
        return new SessionEvent.FaceNotMatched(notice);
    }

    private SessionEvent lookUp() throws CardException, MynaProtocolException {
        if (data.card == null) {
            return new SessionEvent.CardRejected(EndReason.CARD_UNREADABLE);
        }
        Optional<RegistrationStatus> answer = signedCall("lookup",
                nonce -> new UnsignedRegistrationQuery(kioskId, nonce, data.certificate),
                UnsignedRegistrationQuery::digestInfo, UnsignedRegistrationQuery::sign, eligibility::checkRegistration,
                RegistrationStatus::journalCode).answer();
        if (answer.isEmpty()) {
            return new SessionEvent.LookupFailed(LinkResult.UNREACHABLE);
        }
        RegistrationStatus status = answer.get();
        if (status instanceof RegistrationStatus.Registered r) {
            return new SessionEvent.InsuranceFound(r.insurerName(), new Registration(r.registeredOn(),
                    r.consents().shareTreatmentAndMedication(), r.consents().shareHealthCheckups()));
        }
        if (status instanceof RegistrationStatus.NotRegistered n) {
            return new SessionEvent.InsuranceFound(n.insurerName(), null);
        }
        if (status instanceof RegistrationStatus.NoEligibilityData) {
            return new SessionEvent.LookupFailed(LinkResult.NO_ELIGIBILITY_DATA);
        }
        if (status instanceof RegistrationStatus.CertificateExpired) {
            return new SessionEvent.LookupFailed(LinkResult.CERTIFICATE_EXPIRED);
        }
        if (status instanceof RegistrationStatus.CertificateRevoked) {
            return new SessionEvent.LookupFailed(LinkResult.CERTIFICATE_REVOKED);
        }
        return new SessionEvent.LookupFailed(LinkResult.REJECTED);
    }

    /** The face package's advice in the flow's words (the flow knows nothing of the face package). */
    static FaceHint hintFor(FaceGuidance guidance) {
        return guidance == null ? FaceHint.NONE : FaceHint.valueOf(guidance.name());
    }

    private SessionEvent link(ConsentChoices choices) throws CardException, MynaProtocolException {
        if (data.card == null || data.holder == null) {
            return new SessionEvent.CardRejected(EndReason.CARD_UNREADABLE);
        }
        HolderClaims claims = new HolderClaims(data.holder.name(), data.holder.birthDate(), data.holder.sex().code());
        Consents consents = consentsOf(choices);
        SignedCall<LinkOutcome> call = signedCall("link",
                nonce -> new UnsignedLinkRequest(kioskId, data.idempotencyKey, nonce, data.certificate, claims, consents),
                UnsignedLinkRequest::digestInfo, UnsignedLinkRequest::sign, eligibility::link, LinkOutcome::journalCode);
        Optional<LinkOutcome> answer = call.answer();
        if (answer.isEmpty()) {
            return new SessionEvent.LinkFinished(call.noAnswer(), null, null);
        }
        LinkOutcome outcome = answer.get();
        if (outcome instanceof LinkOutcome.Registered r) {
            return new SessionEvent.LinkFinished(LinkResult.REGISTERED, r.insurerName(), r.registeredOn());
        }
        if (outcome instanceof LinkOutcome.AlreadyRegistered r) {
            return new SessionEvent.LinkFinished(LinkResult.ALREADY_REGISTERED, r.insurerName(), r.registeredOn());
        }
        if (outcome instanceof LinkOutcome.NoEligibilityData) {
            return new SessionEvent.LinkFinished(LinkResult.NO_ELIGIBILITY_DATA, null, null);
        }
        if (outcome instanceof LinkOutcome.RecordsDoNotMatch) {
            return new SessionEvent.LinkFinished(LinkResult.RECORDS_DO_NOT_MATCH, null, null);
        }
        if (outcome instanceof LinkOutcome.CertificateExpired) {
            return new SessionEvent.LinkFinished(LinkResult.CERTIFICATE_EXPIRED, null, null);
        }
        if (outcome instanceof LinkOutcome.CertificateRevoked) {
            return new SessionEvent.LinkFinished(LinkResult.CERTIFICATE_REVOKED, null, null);
        }
        return new SessionEvent.LinkFinished(LinkResult.REJECTED, null, null);
    }

    private SessionEvent changeConsents(ConsentChoices choices) throws CardException, MynaProtocolException {
        if (data.card == null) {
            return new SessionEvent.CardRejected(EndReason.CARD_UNREADABLE);
        }
        Consents consents = consentsOf(choices);
        SignedCall<ConsentChangeOutcome> call = signedCall("consents",
                nonce -> new UnsignedConsentChange(kioskId, data.idempotencyKey, nonce, data.certificate, consents),
                UnsignedConsentChange::digestInfo, UnsignedConsentChange::sign, eligibility::changeConsents,
                ConsentChangeOutcome::journalCode);
        Optional<ConsentChangeOutcome> answer = call.answer();
        if (answer.isEmpty()) {
            return new SessionEvent.LinkFinished(call.noAnswer(), null, null);
        }
        ConsentChangeOutcome outcome = answer.get();
        if (outcome instanceof ConsentChangeOutcome.Changed changed) {
            return new SessionEvent.LinkFinished(LinkResult.CONSENTS_CHANGED, changed.insurerName(), changed.changedOn());
        }
        if (outcome instanceof ConsentChangeOutcome.NotRegistered) {
            return new SessionEvent.LinkFinished(LinkResult.NOT_REGISTERED, null, null);
        }
        if (outcome instanceof ConsentChangeOutcome.CertificateExpired) {
            return new SessionEvent.LinkFinished(LinkResult.CERTIFICATE_EXPIRED, null, null);
        }
        if (outcome instanceof ConsentChangeOutcome.CertificateRevoked) {
            return new SessionEvent.LinkFinished(LinkResult.CERTIFICATE_REVOKED, null, null);
        }
        return new SessionEvent.LinkFinished(LinkResult.REJECTED, null, null);
    }

    private static Consents consentsOf(ConsentChoices choices) {
        return new Consents(Boolean.TRUE.equals(choices.treatmentAndMedication()),
                Boolean.TRUE.equals(choices.healthCheckups()));
    }

    /**
     * One request to the eligibility system, signed by the card over a fresh nonce: built and signed once, then
     * sent up to the configured number of times while the service does not answer (the same signed bytes each
     * time, so a retry after a lost answer is recognised by its idempotency key).
     */
    private <U, S, R> SignedCall<R> signedCall(String what, Function<byte[], U> unsignedFor,
                                             Function<U, byte[]> digestInfo, BiFunction<U, byte[], S> sign,
                                             Function<S, R> send, Function<R, String> journalCode)
            throws CardException, MynaProtocolException {
        long started = System.nanoTime();
        S request = null;
        boolean mayHaveBeenDone = false;
        for (int attempt = 1; attempt <= linkAttempts; attempt++) {
            boolean sending = false;
            try {
                if (request == null) {
                    U unsigned = unsignedFor.apply(eligibility.issueChallenge().nonce());
                    request = sign.apply(unsigned, data.card.sign(digestInfo.apply(unsigned)));
                }
                sending = true;
                R answer = send.apply(request);
                watch.answered();
                journal.note(what, journalCode.apply(answer), elapsedMillis(started));
                return new SignedCall<>(Optional.of(answer), false);
            } catch (EligibilityUnavailableException e) {
                // A lost answer to the challenge leaves nothing done: only the signed request itself can have been.
                boolean unconfirmed = sending && e.mayHaveBeenDone();
                mayHaveBeenDone |= unconfirmed;
                journal.note(what, "unavailable:attempt-" + attempt + (unconfirmed ? ":unconfirmed" : ""),
                        elapsedMillis(started));
                if (attempt < linkAttempts) {
                    sleep(retryDelay.toMillis() * attempt);
                }
            }
        }
        watch.unreachable();
        return new SignedCall<>(Optional.empty(), mayHaveBeenDone);
    }

    /**
     * What came of a signed call: the service's answer, or none, in which case a request that got through may
     * still have been carried out (its answer was lost).
     */
    private record SignedCall<R>(Optional<R> answer, boolean mayHaveBeenDone) {
        /** The result to show for a call that was not answered. */
        LinkResult noAnswer() {
            return mayHaveBeenDone ? LinkResult.UNCONFIRMED : LinkResult.UNREACHABLE;
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
