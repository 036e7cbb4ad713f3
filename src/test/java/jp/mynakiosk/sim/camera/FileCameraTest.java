package jp.mynakiosk.sim.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynakiosk.device.CameraException;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.javacv.MatImages;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_videoio.VideoWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCameraTest {
    private static final Path FACES = Path.of("hardware-sim/faces");

    @TempDir
    Path dir;

    @Test
    void servesTheShownImageAndSwitchesAtRunTime() throws CameraException {
        try (FileCamera camera = new FileCamera(FACES.resolve("astronaut.png"))) {
            assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);
            BufferedImage first = camera.grab();
            assertThat(first.getWidth()).isEqualTo(640);
            assertThat(first.getHeight()).isEqualTo(480);

            camera.show(FACES.resolve("astronaut-card.png"));
            BufferedImage second = camera.grab();

            assertThat(second.getWidth()).isEqualTo(240);
            assertThat(camera.showing()).isEqualTo(FACES.resolve("astronaut-card.png"));
            assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);
        }
    }

    @Test
    void eachGrabIsACopyTheCallerMayChange() throws CameraException {
        try (FileCamera camera = new FileCamera(FACES.resolve("person-b.png"))) {
            BufferedImage first = camera.grab();
            int original = first.getRGB(10, 10);
            first.setRGB(10, 10, ~original);

            assertThat(camera.grab().getRGB(10, 10)).isEqualTo(original);
        }
    }

    @Test
    void missingFileIsADeadCameraUntilAGoodFileIsShown() throws CameraException {
        try (FileCamera camera = new FileCamera(dir.resolve("gone.png"))) {
            assertThat(camera.status()).isEqualTo(DeviceStatus.HARDWARE_ERROR);
            assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class).hasMessageContaining("gone.png");

            camera.show(FACES.resolve("no-face.png"));

            assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);
            assertThat(camera.grab().getWidth()).isEqualTo(640);
        }
    }

    @Test
    void undecodableFileIsAHardwareError() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.png"), "this is no image");
        try (FileCamera camera = new FileCamera(broken)) {
            assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class)
                    .hasMessageContaining("broken.png").hasMessageContaining("format");
            assertThat(camera.status()).isEqualTo(DeviceStatus.HARDWARE_ERROR);
        }
    }

    @Test
    void unpluggedCameraHasNoDeviceUntilReconnected() throws CameraException {
        try (FileCamera camera = new FileCamera(FACES.resolve("astronaut.png"))) {
            camera.grab();
            camera.disconnect();

            assertThat(camera.status()).isEqualTo(DeviceStatus.NO_DEVICE);
            assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class).hasMessageContaining("disconnected");

            camera.reconnect();
            assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);
            assertThat(camera.grab()).isNotNull();
        }
    }

    @Test
    void closedCameraIsOffline() {
        FileCamera camera = new FileCamera(FACES.resolve("astronaut.png"));
        camera.close();
        assertThat(camera.status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class);
    }

    @Test
    void aStillImageMovesALittleFromGrabToGrabUnlessFrozen() throws CameraException {
        try (FileCamera camera = new FileCamera(FACES.resolve("person-c.png"))) {
            assertThat(camera.lively()).isTrue();
            BufferedImage first = camera.grab();
            BufferedImage second = camera.grab();
            assertThat(differingPixels(first, second)).isGreaterThan(1000);
            camera.setLively(false);
            assertThat(differingPixels(camera.grab(), camera.grab())).isZero();
        }
    }

    @Test
    void aFolderOfImagesPlaysInNameOrderAndLoops() throws IOException, CameraException {
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF};
        for (int i = 0; i < colours.length; i++) {
            ImageIO.write(solid(colours[i]), "png", dir.resolve("frame-" + i + ".png").toFile());
        }
        Files.writeString(dir.resolve("notes.txt"), "not a frame");
        try (FileCamera camera = new FileCamera(dir)) {
            for (int i = 0; i < 5; i++) {
                assertThat(camera.grab().getRGB(5, 5) & 0xFFFFFF).as("grab " + i).isEqualTo(colours[i % 3]);
            }
        }
    }

    @Test
    void anMjpegVideoPlaysThroughOpenCvAndLoops() throws CameraException {
        Path video = dir.resolve("clip.avi");
        int frames = 4;
        try (VideoWriter writer = new VideoWriter(video.toString(), VideoWriter.fourcc((byte) 'M', (byte) 'J', (byte) 'P', (byte) 'G'),
                15, new Size(64, 48))) {
            assertThat(writer.isOpened()).isTrue();
            for (int i = 0; i < frames; i++) {
                try (Mat m = MatImages.toBgrMat(solid(50 * (i + 1) * 0x010101))) {
                    writer.write(m);
                }
            }
        }
        try (FileCamera camera = new FileCamera(video)) {
            int[] grey = new int[frames + 2];
            for (int i = 0; i < grey.length; i++) {
                BufferedImage frame = camera.grab();
                assertThat(frame.getWidth()).isEqualTo(64);
                grey[i] = frame.getRGB(5, 5) & 0xFF;
            }
            assertThat(grey[1]).isGreaterThan(grey[0] + 30);
            assertThat(grey[3]).isGreaterThan(grey[2] + 30);
            assertThat(Math.abs(grey[frames] - grey[0])).as("looped to the first frame").isLessThan(10);
        }
    }

    @Test
    void anEmptyFolderOrABrokenVideoIsAHardwareError() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        try (FileCamera camera = new FileCamera(empty)) {
            assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class).hasMessageContaining("no .png");
            assertThat(camera.status()).isEqualTo(DeviceStatus.HARDWARE_ERROR);
        }
        Path broken = Files.writeString(dir.resolve("broken.avi"), "this is no video");
        try (FileCamera camera = new FileCamera(broken)) {
            assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class).hasMessageContaining("broken.avi");
        }
    }

    private static BufferedImage solid(int rgb) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                count += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return count;
    }
}
