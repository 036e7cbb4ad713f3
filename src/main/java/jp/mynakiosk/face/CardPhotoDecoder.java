package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes the face photo read from the card (JPEG 2000; JPEG and PNG are accepted too) with OpenCV.
 * The declared size is checked before OpenCV allocates anything; bad bytes give {@link DecodedPhoto.Unreadable}.
 */
public final class CardPhotoDecoder {
    /** Far above a card photo (a few kilobytes) and small enough to refuse nonsense before copying it. */
    public static final int MAX_BYTES = 1024 * 1024;

    public CardPhotoDecoder() {
        if (!Jpeg2000.ensureEnabled()) {
            throw new IllegalStateException("could not set " + Jpeg2000.SWITCH
                    + " through JNA; start the kiosk with " + Jpeg2000.SWITCH + "=1 so JPEG 2000 photos can be decoded");
        }
    }

    public DecodedPhoto decode(byte[] photo) {
        if (photo == null || photo.length == 0) {
            return new DecodedPhoto.Unreadable("card photo is empty");
        }
        if (photo.length > MAX_BYTES) {
            return new DecodedPhoto.Unreadable("card photo has " + photo.length + " bytes, at most " + MAX_BYTES + " expected");
        }
        PhotoHeader header = PhotoHeader.read(photo);
        if (header instanceof PhotoHeader.Invalid invalid) {
            return new DecodedPhoto.Unreadable("card photo: " + invalid.reason());
        }
        PhotoHeader.Valid valid = (PhotoHeader.Valid) header;
        byte[] decodable = PhotoHeader.CODESTREAM.equals(valid.format()) ? Jp2Container.wrap(photo, valid) : photo;
        try (BytePointer data = new BytePointer(decodable); Mat encoded = new Mat(data); Mat image = imdecode(encoded, IMREAD_COLOR)) {
            if (image.empty()) {
                return new DecodedPhoto.Unreadable("card photo: OpenCV could not decode the " + valid.format() + " data");
            }
            return new DecodedPhoto.Readable(MatImages.toBufferedImage(image));
        } catch (RuntimeException e) {
            // OpenCV reports some broken streams and a switched-off codec as exceptions.
            return new DecodedPhoto.Unreadable("card photo: OpenCV failed on the " + valid.format() + " data: " + e.getMessage());
        }
    }
}
