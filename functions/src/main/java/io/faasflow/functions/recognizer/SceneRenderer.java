package io.faasflow.functions.recognizer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws {@code upload}'s picture: a {@value #WIDTH} x {@value #HEIGHT} RGB image, a {@link Scene} in the top
 * {@value #SCENE_HEIGHT} rows and a white caption panel below it with the caption in black 48-pixel sans-serif.
 * Everything is drawn from fixed shapes and fixed seeds, so a scene and caption always give the same pixels (on
 * one JDK and font set). A film grain of luminance noise (the same offset on R, G and B, so hue and CbCr stay put)
 * makes the JPEG about as large as a photograph of this size rather than a few kilobytes of flat colour.
 */
final class SceneRenderer {
    static final int WIDTH = 1600;
    static final int HEIGHT = 1200;
    static final int SCENE_HEIGHT = 800;
    private static final int GRAIN = 16;
    private static final long GRAIN_SEED = 0x1116A1L;
    private static final long SPLATTER_SEED = 0xB100DL;

    static final Color SKIN_LIGHT = new Color(232, 182, 150);
    static final Color SKIN_SHADE = new Color(198, 140, 110);
    static final Color BLOOD = new Color(140, 8, 14);
    static final Color BLOOD_FRESH = new Color(178, 18, 26);
    static final Color DARK_ROOM = new Color(18, 20, 28);

    private SceneRenderer() {
    }

    static BufferedImage render(Scene scene, Caption caption) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setClip(0, 0, WIDTH, SCENE_HEIGHT);
            switch (scene) {
                case CLEAN -> drawPark(g);
                case ADULT -> drawBodies(g);
                case VIOLENCE -> drawBloodyRoom(g);
            }
            g.setClip(null);
            drawCaption(g, caption.lines());
        } finally {
            g.dispose();
        }
        addGrain(image);
        return image;
    }

    private static void drawPark(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(96, 150, 228), 0, 520, new Color(176, 212, 246)));
        g.fillRect(0, 0, WIDTH, 520);
        g.setColor(new Color(250, 222, 90));
        g.fillOval(1300, 70, 140, 140);
        g.setColor(new Color(118, 124, 136));
        int[][] buildings = {{80, 220, 160, 300}, {270, 150, 130, 370}, {430, 260, 190, 260}, {660, 190, 150, 330}};
        for (int[] b : buildings) {
            g.fillRect(b[0], b[1], b[2], b[3]);
        }
        g.setColor(new Color(210, 224, 240));
        for (int[] b : buildings) {
            for (int y = b[1] + 20; y < b[1] + b[3] - 40; y += 45) {
                for (int x = b[0] + 15; x < b[0] + b[2] - 25; x += 40) {
                    g.fillRect(x, y, 20, 25);
                }
            }
        }
        g.setColor(new Color(70, 150, 80));
        g.fillRect(0, 500, WIDTH, 300);
        g.setColor(new Color(50, 122, 62));
        g.fillOval(-200, 440, 900, 240);
        g.fillOval(900, 460, 1000, 220);
        g.setColor(new Color(150, 150, 146));
        g.fillRect(0, 640, WIDTH, 110);
        drawCar(g, 880, 620);
        drawPerson(g, 1340, 520);
    }

    private static void drawCar(Graphics2D g, int x, int y) {
        g.setColor(new Color(205, 32, 36));
        g.fillRoundRect(x, y + 40, 300, 80, 30, 30);
        g.fillRoundRect(x + 60, y, 170, 60, 30, 30);
        g.setColor(new Color(190, 215, 235));
        g.fillRect(x + 80, y + 12, 55, 35);
        g.fillRect(x + 150, y + 12, 60, 35);
        g.setColor(new Color(30, 30, 34));
        g.fillOval(x + 40, y + 95, 60, 60);
        g.fillOval(x + 200, y + 95, 60, 60);
    }

    private static void drawPerson(Graphics2D g, int x, int y) {
        g.setColor(SKIN_LIGHT);
        g.fillOval(x, y, 44, 50);
        g.setColor(new Color(40, 80, 170));
        g.fillRoundRect(x - 14, y + 50, 72, 100, 20, 20);
        g.setColor(new Color(50, 50, 60));
        g.fillRect(x - 6, y + 150, 22, 80);
        g.fillRect(x + 28, y + 150, 22, 80);
    }

    private static void drawBodies(Graphics2D g) {
        g.setColor(new Color(186, 196, 210));
        g.fillRect(0, 0, WIDTH, SCENE_HEIGHT);
        g.setColor(new Color(232, 234, 240));
        g.fillRect(0, 560, WIDTH, 240);
        g.setPaint(new GradientPaint(200, 0, SKIN_LIGHT, 1400, 800, SKIN_SHADE));
        g.fillOval(430, 90, 760, 720);
        g.fillOval(640, -80, 320, 300);
        g.fillOval(120, 260, 520, 300);
        g.fillOval(980, 240, 560, 320);
        g.fillOval(260, 520, 560, 260);
        g.fillOval(820, 520, 560, 260);
        g.setColor(SKIN_SHADE);
        g.setStroke(new BasicStroke(6));
        g.drawArc(620, 330, 180, 120, 200, 140);
        g.drawArc(820, 330, 180, 120, 200, 140);
    }

    private static void drawBloodyRoom(Graphics2D g) {
        g.setColor(DARK_ROOM);
        g.fillRect(0, 0, WIDTH, SCENE_HEIGHT);
        g.setColor(new Color(70, 72, 80));
        g.fillRect(0, 560, WIDTH, 12);
        g.fillRoundRect(980, 180, 90, 360, 40, 40);
        g.fillOval(975, 100, 100, 100);
        g.setColor(new Color(176, 180, 188));
        g.fillPolygon(new int[] {300, 620, 640, 320}, new int[] {250, 235, 255, 270}, 4);
        g.setColor(BLOOD);
        g.fillOval(260, 560, 900, 230);
        g.fillOval(1150, 620, 380, 150);
        SplittableRandom random = new SplittableRandom(SPLATTER_SEED);
        for (int i = 0; i < 140; i++) {
            g.setColor(i % 3 == 0 ? BLOOD_FRESH : BLOOD);
            int size = 10 + random.nextInt(70);
            g.fillOval(random.nextInt(WIDTH), 40 + random.nextInt(SCENE_HEIGHT - 40), size, size + random.nextInt(40));
        }
    }

    private static void drawCaption(Graphics2D g, List<String> lines) {
        g.setColor(new Color(248, 248, 246));
        g.fillRect(0, SCENE_HEIGHT, WIDTH, HEIGHT - SCENE_HEIGHT);
        g.setColor(new Color(20, 20, 20));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
        int baseline = SCENE_HEIGHT + 70;
        for (String line : lines) {
            g.drawString(line, 60, baseline);
            baseline += 62;
        }
    }

    private static void addGrain(BufferedImage image) {
        SplittableRandom random = new SplittableRandom(GRAIN_SEED);
        int[] row = new int[WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            image.getRGB(0, y, WIDTH, 1, row, 0, WIDTH);
            for (int x = 0; x < WIDTH; x++) {
                int offset = random.nextInt(2 * GRAIN + 1) - GRAIN;
                int rgb = row[x];
                row[x] = clamp((rgb >> 16 & 0xff) + offset) << 16 | clamp((rgb >> 8 & 0xff) + offset) << 8
                        | clamp((rgb & 0xff) + offset);
            }
            image.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
        }
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
