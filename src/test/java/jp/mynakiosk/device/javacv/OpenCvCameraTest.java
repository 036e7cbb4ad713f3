package jp.mynakiosk.device.javacv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.mynakiosk.device.CameraException;
import jp.mynakiosk.device.DeviceStatus;
import org.junit.jupiter.api.Test;

/** There is no camera on the build machines: only the missing-device path can be tested here. */
class OpenCvCameraTest {
    private static final int NO_SUCH_INDEX = 97;

    @Test
    void missingCameraHasNoDeviceAndGrabFailsCleanly() {
        try (OpenCvCamera camera = new OpenCvCamera(NO_SUCH_INDEX)) {
            assertThat(camera.status()).isEqualTo(DeviceStatus.NO_DEVICE);
            assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class)
                    .hasMessage("no camera at device index " + NO_SUCH_INDEX);
            assertThat(camera.status()).isEqualTo(DeviceStatus.NO_DEVICE);
        }
    }

    @Test
    void closedCameraIsOffline() {
        OpenCvCamera camera = new OpenCvCamera(NO_SUCH_INDEX);
        camera.close();
        assertThat(camera.status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class).hasMessageContaining("closed");
    }

    @Test
    void negativeIndexIsAConfigurationError() {
        assertThatThrownBy(() -> new OpenCvCamera(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void switchingToAnotherIndexAtRunTimeOpensThatOne() {
        try (OpenCvCamera camera = new OpenCvCamera(NO_SUCH_INDEX)) {
            camera.switchTo(NO_SUCH_INDEX - 1);
            assertThat(camera.deviceIndex()).isEqualTo(NO_SUCH_INDEX - 1);
            assertThat(camera.status()).isEqualTo(DeviceStatus.NO_DEVICE);
            assertThatThrownBy(camera::grab).isInstanceOf(CameraException.class)
                    .hasMessage("no camera at device index " + (NO_SUCH_INDEX - 1));
            assertThatThrownBy(() -> camera.switchTo(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
