// Draws the MirrorScope icon at a given size: java packaging/icons/MakeIcons.java 256 mirrorscope.png
// (the .ico and .icns files hold these PNGs at 16..512 px).
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.File;

public class MakeIcons {
    public static void main(String[] a) throws Exception {
        int s = Integer.parseInt(a[0]);
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double u = s / 256.0;
        g.scale(u, u);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f6feb), 256, 256, new Color(0x0b3d91)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        // two clusters (source left, target right) and the mirror arrow between them
        g.setColor(new Color(255, 255, 255, 60));
        g.fill(new Ellipse2D.Double(28, 78, 100, 100));
        g.fill(new Ellipse2D.Double(128, 78, 100, 100));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(33, 83, 90, 90));
        g.draw(new Ellipse2D.Double(133, 83, 90, 90));
        // records: three dots in each cluster
        for (int i = 0; i < 3; i++) {
            g.fill(new Ellipse2D.Double(58 + i * 15, 122, 10, 10));
            g.fill(new Ellipse2D.Double(158 + i * 15, 122, 10, 10));
        }
        g.setColor(new Color(0x7ee787));
        g.setStroke(new BasicStroke(12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(78, 204, 170, 204));
        Path2D head = new Path2D.Double();
        head.moveTo(162, 188); head.lineTo(184, 204); head.lineTo(162, 220);
        g.draw(head);
        g.dispose();
        ImageIO.write(img, "png", new File(a[1]));
    }
}
