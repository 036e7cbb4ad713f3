package jp.mynakiosk.sim.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynakiosk.device.CameraException;
import jp.mynakiosk.device.DeviceStatus;
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
}
