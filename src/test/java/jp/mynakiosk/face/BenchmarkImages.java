package jp.mynakiosk.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Fetches the benchmark's real face photographs from package registries at test time into
 * target/face-benchmark (never committed): dlib's bald_guys.jpg from Debian's libdlib19.1 (press photos;
 * rights doubtful, so only used locally), the MIT-licensed group photos of npm @vladmandic/face-api's demo,
 * and scikit-image's astronaut.png (NASA, public domain) from Debian's python3-skimage.
 */
final class BenchmarkImages {
    static final Path DIR = Path.of("target/face-benchmark");

    private BenchmarkImages() {
    }

    static Path baldGuys() {
        Path file = DIR.resolve("usr/share/doc/libdlib19.1/examples/faces/bald_guys.jpg");
        if (!Files.isRegularFile(file)) {
            debian("libdlib19.1");
        }
        return present(file);
    }

    /** dlib's other example photos (PASCAL VOC pictures and one portrait): strangers, for impostor pairs only. */
    static List<Path> dlibExamples() {
        baldGuys();
        Path dir = DIR.resolve("usr/share/doc/libdlib19.1/examples/faces");
        return List.of("2007_007763", "2008_001009", "2008_001322", "2008_002079", "2008_002470", "2008_002506",
                "2008_004176", "2008_007676", "2009_004587", "Tom_Cruise_avp_2014_4").stream()
                .map(n -> present(dir.resolve(n + ".jpg"))).toList();
    }

    static Path astronaut() {
        Path file = DIR.resolve("usr/lib/python3/dist-packages/skimage/data/astronaut.png");
        if (!Files.isRegularFile(file)) {
            debian("python3-skimage");
        }
        return present(file);
    }

    static List<Path> faceApiSamples() {
        Path demo = DIR.resolve("package/demo");
        if (!Files.isRegularFile(demo.resolve("sample6.jpg"))) {
            run("npm", "pack", "--silent", "@vladmandic/face-api@1.7.15");
            run("tar", "-xzf", "vladmandic-face-api-1.7.15.tgz", "package/demo", "package/LICENSE");
        }
        return List.of(1, 2, 3, 4, 5, 6).stream().map(i -> present(demo.resolve("sample" + i + ".jpg"))).toList();
    }

    private static void debian(String pkg) {
        run("sh", "-c", "apt-get download " + pkg + " && dpkg-deb -x " + pkg + "_*.deb .");
    }

    private static Path present(Path file) {
        Assumptions.assumeTrue(Files.isRegularFile(file), "benchmark image " + file + " could not be fetched");
        return file;
    }

    private static void run(String... command) {
        try {
            Files.createDirectories(DIR);
            Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("fetch.log").toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            Assumptions.abort("cannot run " + command[0] + " to fetch benchmark images: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("interrupted while fetching benchmark images");
        }
    }
}
