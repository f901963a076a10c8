#include "first_paint_probe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

bool reportRequested()
{
    static const bool requested = !qEnvironmentVariableIsEmpty("MOIM_REPORT_FIRST_PAINT");
    return requested;
}

struct Phases
{
    QElapsedTimer clock;
    QByteArray text;
};

Phases &phases()
{
    static Phases recorded;
    return recorded;
}

} // namespace

void FirstPaintProbe::mark(const char *phase)
{
    if (!reportRequested())
        return;
    Phases &recorded = phases();
    if (!recorded.clock.isValid())
        recorded.clock.start();
    if (!recorded.text.isEmpty())
        recorded.text += ',';
    recorded.text += phase;
    recorded.text += ':';
    recorded.text += QByteArray::number(double(recorded.clock.nsecsElapsed()) / 1e6, 'f', 1);
}

namespace {

// A "Vm…:" line of /proc/self/status in KiB, or -1 where unknown.
qint64 statusKiB(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0, so read them whole rather than by atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(field.size()).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

// MOIM_REPORT_SETTLED_MS: how long after the first frame the program goes on before it reports
// its resident memory again and leaves (0: it leaves at once).
int settleMs()
{
    return qEnvironmentVariableIntValue("MOIM_REPORT_SETTLED_MS");
}

} // namespace

qint64 peakResidentKiB()
{
    return statusKiB("VmHWM:");
}

void FirstPaintProbe::installIfRequested()
{
    if (!reportRequested())
        return;
    qApp->installEventFilter(new FirstPaintProbe(qApp));
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_reported && event->type() == QEvent::Paint && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->isWindow()) {
        m_reported = true;
        const QByteArray name = watched->metaObject()->className();
        mark("paint-event");
        // Report once this paint has been delivered, then leave.
        QTimer::singleShot(0, qApp, [name] {
            mark("painted");
            std::printf("first-paint %s rss-kb=%lld phases=%s\n", name.constData(),
                        static_cast<long long>(peakResidentKiB()), phases().text.constData());
            std::fflush(stdout);
            // Settled: what the program holds once the window's deferred work and the first
            // answers of the network are done, not only the peak on the way to the first frame.
            QTimer::singleShot(settleMs(), qApp, [] {
                if (settleMs() > 0) {
                    std::printf("settled rss-kb=%lld peak-kb=%lld\n",
                                static_cast<long long>(statusKiB("VmRSS:")),
                                static_cast<long long>(peakResidentKiB()));
                    std::fflush(stdout);
                }
                QApplication::exit(0);
            });
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace moim::ui
