#include "first_paint_probe.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace moim::ui {

using namespace Qt::StringLiterals;

qint64 peakResidentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0, so read them whole rather than by atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

void FirstPaintProbe::installIfRequested()
{
    if (qEnvironmentVariableIsEmpty("MOIM_REPORT_FIRST_PAINT"))
        return;
    qApp->installEventFilter(new FirstPaintProbe(qApp));
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_reported && event->type() == QEvent::Paint && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->isWindow()) {
        m_reported = true;
        const QByteArray name = watched->metaObject()->className();
        // Report once this paint has been delivered, then leave.
        QTimer::singleShot(0, qApp, [name] {
            std::printf("first-paint %s rss-kb=%lld\n", name.constData(),
                        static_cast<long long>(peakResidentKiB()));
            std::fflush(stdout);
            QApplication::exit(0);
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace moim::ui
