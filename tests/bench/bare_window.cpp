// The yardstick for start-up: a bare Qt Widgets window with one label, measured like Moim.
#include "first_paint_probe.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char *argv[])
{
    moim::ui::FirstPaintProbe::mark("main");
    QApplication app(argc, argv);
    moim::ui::FirstPaintProbe::mark("application");
    moim::ui::FirstPaintProbe::installIfRequested();
    QLabel window(QStringLiteral("Hello"));
    window.resize(520, 720);
    moim::ui::FirstPaintProbe::mark("window-built");
    window.show();
    moim::ui::FirstPaintProbe::mark("window-shown");
    return QApplication::exec();
}
