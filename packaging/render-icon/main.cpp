// render-icon: draws an SVG icon into a square PNG of a given size, so that the
// package's PNG icons are made from the one SVG at build time.
//
//   render-icon SOURCE.svg SIZE OUTPUT.png

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

// No QGuiApplication: drawing shapes into a QImage needs none, and without
// one the tool needs no display platform.
int main(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) arguments.append(QString::fromLocal8Bit(argv[i]));
    if (arguments.size() != 4) {
        std::fprintf(stderr, "usage: render-icon SOURCE.svg SIZE OUTPUT.png\n");
        return 2;
    }
    bool sizeIsNumber = false;
    const int size = arguments[2].toInt(&sizeIsNumber);
    if (!sizeIsNumber || size < 1 || size > 4096) {
        std::fprintf(stderr, "render-icon: the size must be 1 to 4096 pixels, not '%s'\n", qPrintable(arguments[2]));
        return 2;
    }
    QSvgRenderer renderer(arguments[1]);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "render-icon: %s: not a valid SVG file\n", qPrintable(arguments[1]));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        renderer.render(&painter);
    }
    if (!image.save(arguments[3], "PNG")) {
        std::fprintf(stderr, "render-icon: %s: cannot write\n", qPrintable(arguments[3]));
        return 1;
    }
    return 0;
}
