package jp.mynakiosk.face;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * Paints a hat over a real face, placed by the detector's keypoints: a peaked cap (crown, visor and the visor's
 * shadow over the eyes), a knitted beanie (ribbed cuff low on the forehead) or a brimmed bucket hat. Size, height
 * on the forehead, colour (hair-like dark ones included), fabric noise, light, a logo and the shadow vary with
 * the seed, so a set of them is reproducible.
 */
final class HatPainter {
    enum Style { CAP, BEANIE, BRIMMED }

    /** Hat colours, RGB: black, navy, dark brown, beige, white, red, grey, khaki, olive, blue, camel, burgundy. */
    private static final int[][] COLOURS = {
            {24, 24, 27}, {31, 40, 70}, {66, 44, 30}, {205, 190, 155}, {236, 236, 230}, {165, 32, 38},
            {118, 118, 124}, {142, 130, 92}, {68, 82, 50}, {42, 82, 168}, {176, 132, 84}, {100, 30, 45}};

    private HatPainter() {
    }

    record Hat(Style style, int[] colour, double width, double brimLine, double crownHeight, double sag,
               double shadow, double shadowDepth, double noise, boolean logo) {
    }

    static Hat random(Random random) {
        Style style = Style.values()[random.nextInt(Style.values().length)];
        int[] colour = COLOURS[random.nextInt(COLOURS.length)];
        double brimLine = -0.75 + 0.35 * random.nextDouble();
        double shadow = switch (style) {
            case CAP -> 0.2 + 0.35 * random.nextDouble();
            case BEANIE -> 0.1 * random.nextDouble();
            case BRIMMED -> 0.3 + 0.3 * random.nextDouble();
        };
        return new Hat(style, colour, 2.7 + 0.5 * random.nextDouble(), brimLine, 1.6 + 0.5 * random.nextDouble(),
                -0.06 + 0.18 * random.nextDouble(), shadow, 0.5 + 0.5 * random.nextDouble(), 3 + 7 * random.nextDouble(),
                random.nextDouble() < 0.4);
    }

    /** A copy of the image with the hat drawn on the face. */
    static BufferedImage paint(BufferedImage image, DetectedFace face, Hat hat, long seed) {
        Random noise = new Random(seed);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(image, 0, 0, null);
        List<FacePoint> k = face.keypoints();
        double ex = (k.get(0).x() + k.get(1).x()) / 2;
        double ey = (k.get(0).y() + k.get(1).y()) / 2;
        double d = face.eyeDistance();
        double cos = (k.get(1).x() - k.get(0).x()) / d;
        double sin = (k.get(1).y() - k.get(0).y()) / d;
        double half = hat.width() / 2;
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                double dx = (x - ex) / d;
                double dy = (y - ey) / d;
                double u = dx * cos + dy * sin;
                double v = -dx * sin + dy * cos;
                double across = u / half;
                double edge = hat.brimLine() + hat.sag() * (1 - across * across);
                int rgb = out.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                double[] c = null;
                if (Math.abs(across) <= 1 && v <= edge && crown(across, v - edge, hat.crownHeight())) {
                    double light = 1.12 - 0.25 * (edge - v) / hat.crownHeight();
                    c = fabric(hat, light, u, v, edge, noise);
                } else if (hat.style() != Style.BEANIE && v > edge && v <= edge + brimDepth(hat, across)
                        && Math.abs(u) <= visorHalf(hat)) {
                    c = fabric(hat, hat.style() == Style.CAP ? 0.8 : 0.7, u, v, edge, noise);
                } else if (v > edge && Math.abs(u) <= half * 1.05 && hat.shadow() > 0) {
                    double below = (v - edge) / hat.shadowDepth();
                    if (below < 1) {
                        double f = 1 - hat.shadow() * (1 - below);
                        c = new double[] {r * f, g * f, b * f};
                    }
                }
                if (c != null) {
                    out.setRGB(x, y, (clamp(c[0]) << 16) | (clamp(c[1]) << 8) | clamp(c[2]));
                }
            }
        }
        return out;
    }

    private static boolean crown(double across, double above, double height) {
        double up = -above / height;
        return across * across + up * up <= 1;
    }

    private static double brimDepth(Hat hat, double across) {
        return hat.style() == Style.CAP ? 0.22 * Math.sqrt(Math.max(0, 1 - across * across * 0.8)) : 0.12;
    }

    private static double visorHalf(Hat hat) {
        return hat.style() == Style.CAP ? hat.width() * 0.38 : hat.width() * 0.68;
    }

    private static double[] fabric(Hat hat, double light, double u, double v, double edge, Random noise) {
        double rib = 0;
        if (hat.style() == Style.BEANIE) {
            rib = 14 * Math.sin(u * 2 * Math.PI / 0.09);
            if (v < edge - 0.35) {
                rib *= 0.5;
            }
        }
        boolean logo = hat.logo() && Math.abs(u) < 0.3 && v < edge - 0.25 && v > edge - 0.6;
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double base = logo ? 255 - hat.colour()[i] : hat.colour()[i];
            c[i] = (base + 8) * light + rib + noise.nextGaussian() * hat.noise();
        }
        return c;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
