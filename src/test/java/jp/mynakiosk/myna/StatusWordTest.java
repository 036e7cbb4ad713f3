package jp.mynakiosk.myna;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusWordTest {
    @Test
    void allThreeLockCodesMeanLocked() {
        assertThat(new StatusWord(0x63C0).isPinLocked()).isTrue();
        assertThat(new StatusWord(0x6983).isPinLocked()).isTrue();
        assertThat(new StatusWord(0x6984).isPinLocked()).isTrue();
        assertThat(new StatusWord(0x63C1).isPinLocked()).isFalse();
        assertThat(new StatusWord(0x6982).isPinLocked()).isFalse();
    }

    @Test
    void triesLeftReports() {
        StatusWord sw = StatusWord.triesLeft(2);
        assertThat(sw.value()).isEqualTo(0x63C2);
        assertThat(sw.isTriesLeftReport()).isTrue();
        assertThat(sw.reportedTries()).isEqualTo(2);
        assertThat(sw.toString()).isEqualTo("63 C2");
        assertThat(StatusWord.SUCCESS.isTriesLeftReport()).isFalse();
    }

    @Test
    void myNumberCheckDigit() {
        assertThat(MyNumberCheckDigit.isValid("123456789018".getBytes())).isTrue();
        assertThat(MyNumberCheckDigit.isValid("123456789017".getBytes())).isFalse();
        assertThat(MyNumberCheckDigit.isValid("900000000010".getBytes())).isTrue();
        assertThat(MyNumberCheckDigit.isValid("12345678901".getBytes())).isFalse();
        assertThat(MyNumberCheckDigit.isValid("12345678901A".getBytes())).isFalse();
    }
}
