// Renders Moim's SVG app icon into the PNG sizes of the hicolor icon theme at build time, so
// the PNGs are never stored and never drift from the SVG.
// Usage: moim_icon_renderer ICON.svg OUTPUT_DIR SIZE...  (writes OUTPUT_DIR/NxN/apps/moim.png)
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // No display is needed to draw into an image.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (arguments.size() < 4) {
        err << "usage: moim_icon_renderer ICON.svg OUTPUT_DIR SIZE..." << Qt::endl;
        return 2;
    }
    QSvgRenderer svg(arguments.at(1));
    if (!svg.isValid()) {
        err << "moim_icon_renderer: cannot read " << arguments.at(1) << Qt::endl;
        return 1;
    }
    for (const QString &argument : arguments.mid(3)) {
        bool ok = false;
        const int size = argument.toInt(&ok);
        if (!ok || size <= 0) {
            err << "moim_icon_renderer: not a size: " << argument << Qt::endl;
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(arguments.at(2)).arg(size);
        const QString file = dir + QStringLiteral("/moim.png");
        if (!QDir().mkpath(dir) || !image.save(file, "PNG")) {
            err << "moim_icon_renderer: cannot write " << file << Qt::endl;
            return 1;
        }
    }
    return 0;
}
